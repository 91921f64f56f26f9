package org.certhub.degrade;

import java.io.IOException;

import org.certhub.DemoKeys;
import org.certhub.tenancy.TenancyProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import tools.jackson.databind.json.JsonMapper;

/** What the fault tests share: the hub under test over plain HTTP, the demo keys, the embedded Elasticsearch's pid. */
abstract class DegradedHub {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TenancyProperties tenancy;

    @Autowired
    Environment environment;

    HubClient hub() {
        return new HubClient(port);
    }

    String key(String principal) {
        return new DemoKeys(tenancy).of(principal);
    }

    long elasticsearchPid() throws IOException {
        return EngineSignals.elasticsearchPid(environment);
    }
}
