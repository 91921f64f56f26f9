package org.certhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The certhub service: one Spring Boot application, one feature module per sub-package. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CerthubApplication {

    public static void main(String[] args) {
        SpringApplication.run(CerthubApplication.class, args);
    }
}
