package org.certhub.benchmark;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic, valid STIX 2.1 incident bundles: an incident, the malware and the ATT&amp;CK technique
 * behind it, indicators with STIX patterns, what was observed (observed-data and its SCOs) and the
 * relationships between them, in Russian, Kazakh, Uzbek, Chinese and English, about 1 KiB an
 * object. The content comes from a fixed seed; the ids from a second random source, so every
 * bundle is new to the hub. Every bundle id starts with the run's marker (the first eight hex
 * digits of its UUID), so that a prefix query on {@code bundle_id} finds exactly one run's objects.
 * One generator per thread.
 */
final class StixBundleGenerator {

    static final String TLP_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter STIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant BASE = Instant.parse("2026-11-01T10:00:00.000Z");
    private static final HexFormat HEX = HexFormat.of();

    private static final String[] SENTENCES = {
        "Фишинговая рассылка от имени министерства финансов содержала документ с вредоносным макросом.",
        "Зафиксировано подключение к управляющему серверу через нестандартный порт 8443 с интервалом 60 секунд.",
        "Вредоносная программа шифрует файлы на общих сетевых ресурсах и удаляет теневые копии томов.",
        "Атакующие использовали учётные данные, похищенные через поддельную страницу входа в почту.",
        "Затронуты контроллер домена и два файловых сервера регионального подразделения.",
        "Қаржы министрлігінің атынан жіберілген фишингтік хаттар тіркелді, тіркемеде зиянды макрос бар.",
        "Шабуылдаушылар VPN шлюзінің осалдығын пайдаланып, ішкі желіге қол жеткізді.",
        "Молия вазирлиги номидан фишинг хатлари юборилган, иловада зарарли макрос мавжуд.",
        "Ҳужумчилар ички тармоққа масофавий кириш хизмати орқали киришган.",
        "攻击者通过伪造的财政部邮件投递带有恶意宏的文档。",
        "检测到与命令控制服务器的加密通信，目标端口为8443，心跳间隔约60秒。",
        "勒索软件加密了共享网络驱动器上的文件并删除了卷影副本。",
        "受影响的系统包括域控制器和两台文件服务器，已隔离处理。",
        "Initial access was a spear-phishing attachment; the payload is a signed loader that side-loads a DLL.",
        "Network telemetry shows beaconing every 60 seconds with 20 percent jitter to a rented VPS.",
        "Containment: affected hosts isolated, service account credentials rotated, egress to the C2 blocked.",
        "The actor staged archives in a temporary folder before exfiltration over HTTPS.",
    };
    private static final int[] SENTENCE_BYTES = new int[SENTENCES.length];
    private static final String[] MALWARE = {"LockBit 3.0", "Emotet", "AgentTesla", "Cobalt Strike Beacon", "QakBot",
        "Шифровальщик «Полярная ночь»", "Remcos RAT", "PlugX", "ShadowPad", "Формбук"};
    private static final String[][] TECHNIQUES = {
        {"T1566.001", "Spearphishing Attachment", "initial-access", "T1566/001"},
        {"T1486", "Data Encrypted for Impact", "impact", "T1486"},
        {"T1071.001", "Web Protocols", "command-and-control", "T1071/001"},
        {"T1078", "Valid Accounts", "defense-evasion", "T1078"},
        {"T1190", "Exploit Public-Facing Application", "initial-access", "T1190"},
        {"T1490", "Inhibit System Recovery", "impact", "T1490"},
    };
    private static final String[] PREFIXES = {"203.0.113.", "198.51.100.", "192.0.2."};
    private static final String[] FILE_NAMES = {"Счёт_на_оплату_2026.pdf.exe", "Хабарлама_салық.docm", "发票_2026_11.xlsm",
        "update_agent.dll", "Буйруқ_№47.doc.js"};

    static {
        for (int i = 0; i < SENTENCES.length; i++) {
            SENTENCE_BYTES[i] = SENTENCES[i].getBytes(StandardCharsets.UTF_8).length + 1;
        }
    }

    /** One object of a bundle, as the hub receives it. */
    record StixObject(String id, String type, byte[] json) {
    }

    /** A bundle and its objects; {@code json} is the request body. */
    record Bundle(String id, List<StixObject> objects, byte[] json) {
    }

    private final Random content;
    private final SplittableRandom ids;
    private final String marker;

    /**
     * @param contentSeed the seed of the content (same seed, same content)
     * @param idSeed the seed of the ids; differs per run so that every bundle is new
     * @param runMarker the run's marker, the first eight hex digits of every bundle id
     */
    StixBundleGenerator(long contentSeed, long idSeed, int runMarker) {
        this.content = new Random(contentSeed);
        this.ids = new SplittableRandom(idSeed);
        this.marker = String.format("%08x", runMarker);
    }

    /** The prefix of every bundle id of a run. */
    static String bundlePrefix(int runMarker) {
        return "bundle--" + String.format("%08x", runMarker);
    }

    Bundle next(int objectCount) {
        String bundleId = "bundle--" + marker + uuid4().substring(8);
        List<String> slots = plan(objectCount);
        List<String> slotIds = new ArrayList<>(slots.size());
        for (String slot : slots) {
            slotIds.add(typeOf(slot) + "--" + uuid4());
        }
        Values values = new Values(PREFIXES[content.nextInt(PREFIXES.length)] + (1 + content.nextInt(254)),
                hex(32), "upd-" + hex(3) + ".cdn-" + hex(2) + ".example.net", FILE_NAMES[content.nextInt(FILE_NAMES.length)]);
        Instant created = BASE.plusMillis(content.nextInt(86_400_000));
        List<StixObject> objects = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            ObjectNode object = object(slots, slotIds, i, values, created.plusMillis(i * 1_000L));
            objects.add(new StixObject(slotIds.get(i), typeOf(slots.get(i)), JSON.writeValueAsBytes(object)));
        }
        return new Bundle(bundleId, objects, bundleJson(bundleId, objects));
    }

    private record Values(String ip, String sha256, String domain, String fileName) {
    }

    /** The kinds of object slots; the first ten make one incident, further slots add indicators and observables. */
    private static List<String> plan(int count) {
        List<String> base = List.of("incident", "malware", "attack-pattern", "indicator-ip", "indicator-hash",
                "observed-data", "ipv4-addr", "file", "indicates", "uses");
        List<String> extra = List.of("indicator-domain", "domain-name", "url", "indicates", "related-to");
        List<String> slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.add(i < base.size() ? base.get(i) : extra.get((i - base.size()) % extra.size()));
        }
        return slots;
    }

    private static String typeOf(String slot) {
        return switch (slot) {
            case "indicator-ip", "indicator-hash", "indicator-domain" -> "indicator";
            case "indicates", "uses", "related-to" -> "relationship";
            default -> slot;
        };
    }

    private ObjectNode object(List<String> slots, List<String> slotIds, int i, Values values, Instant created) {
        String slot = slots.get(i);
        ObjectNode o = JSON.createObjectNode();
        o.put("type", typeOf(slot)).put("spec_version", "2.1").put("id", slotIds.get(i));
        boolean sco = slot.equals("ipv4-addr") || slot.equals("file") || slot.equals("domain-name") || slot.equals("url");
        if (!sco) {
            o.put("created", time(created)).put("modified", time(created.plusMillis(content.nextInt(3_600_000))));
        }
        switch (slot) {
            case "incident" -> {
                o.put("name", "Инцидент " + hex(2).toUpperCase() + ": " + MALWARE[content.nextInt(MALWARE.length)]
                        + " / 事件 " + (1000 + content.nextInt(9000)));
                o.put("description", text(1_450));
                killChain(o, TECHNIQUES[content.nextInt(TECHNIQUES.length)][2]);
            }
            case "malware" -> {
                o.put("name", MALWARE[content.nextInt(MALWARE.length)]).put("is_family", true);
                o.putArray("malware_types").add(content.nextBoolean() ? "ransomware" : "remote-access-trojan");
                o.put("description", text(900));
            }
            case "attack-pattern" -> {
                String[] technique = TECHNIQUES[content.nextInt(TECHNIQUES.length)];
                o.put("name", technique[1]).put("description", text(720));
                o.putArray("external_references").addObject().put("source_name", "mitre-attack")
                        .put("external_id", technique[0]).put("url", "https://attack.mitre.org/techniques/" + technique[3] + "/");
                killChain(o, technique[2]);
            }
            case "indicator-ip" -> indicator(o, created, "[ipv4-addr:value = '" + values.ip + "']", "C2 " + values.ip, 600);
            case "indicator-hash" -> indicator(o, created, "[file:hashes.'SHA-256' = '" + values.sha256 + "']",
                    "Загрузчик / 加载器 " + values.fileName, 600);
            case "indicator-domain" -> indicator(o, created, "[domain-name:value = '" + values.domain + "']",
                    "Домен управления " + values.domain, 1_500);
            case "observed-data" -> observedData(o, slots, slotIds, created);
            case "ipv4-addr" -> o.put("value", values.ip);
            case "domain-name" -> o.put("value", values.domain);
            case "url" -> o.put("value", "https://" + values.domain + "/invoice/" + hex(4) + ".php");
            case "file" -> {
                o.put("name", values.fileName).put("size", 40_000 + content.nextInt(2_000_000));
                o.putObject("hashes").put("SHA-256", values.sha256);
            }
            case "indicates" -> relationship(o, "indicates", latest(slots, slotIds, i, "indicator-"), find(slots, slotIds, "malware"));
            case "uses" -> relationship(o, "uses", find(slots, slotIds, "malware"), find(slots, slotIds, "attack-pattern"));
            case "related-to" -> relationship(o, "related-to", find(slots, slotIds, "incident"), latest(slots, slotIds, i, "indicator-"));
            default -> throw new IllegalStateException(slot);
        }
        if (content.nextBoolean()) {
            o.putArray("object_marking_refs").add(TLP_GREEN);
        }
        return o;
    }

    private void indicator(ObjectNode o, Instant created, String pattern, String name, int descriptionBytes) {
        o.put("name", name).put("description", text(descriptionBytes));
        o.putArray("indicator_types").add("malicious-activity");
        o.put("pattern", pattern).put("pattern_type", "stix").put("valid_from", time(created));
    }

    private void observedData(ObjectNode o, List<String> slots, List<String> slotIds, Instant created) {
        o.put("first_observed", time(created.minusSeconds(3_600))).put("last_observed", time(created))
                .put("number_observed", 1 + content.nextInt(40));
        ArrayNode refs = o.putArray("object_refs");
        for (int j = 0; j < slots.size(); j++) {
            if (List.of("ipv4-addr", "file", "domain-name", "url").contains(slots.get(j))) {
                refs.add(slotIds.get(j));
            }
        }
        if (refs.isEmpty()) {
            refs.add("ipv4-addr--" + uuid4());
        }
        o.putArray("external_references").addObject().put("source_name", "cert-case")
                .put("external_id", "CASE-2026-" + (10_000 + content.nextInt(90_000))).put("description", text(480));
    }

    private void relationship(ObjectNode o, String type, String source, String target) {
        // The extra slots' domain and URL observables are small: their relationships say more.
        int descriptionBytes = type.equals("related-to") ? 1_100 : 420;
        o.put("relationship_type", type).put("source_ref", source).put("target_ref", target)
                .put("description", text(descriptionBytes));
    }

    private void killChain(ObjectNode o, String phase) {
        o.putArray("kill_chain_phases").addObject().put("kill_chain_name", "mitre-attack").put("phase_name", phase);
    }

    /** The id of the first slot of {@code kind}; an id of that type outside the bundle if the bundle has none. */
    private String find(List<String> slots, List<String> slotIds, String kind) {
        int at = slots.indexOf(kind);
        return at >= 0 ? slotIds.get(at) : kind + "--" + uuid4();
    }

    private String latest(List<String> slots, List<String> slotIds, int before, String kindPrefix) {
        for (int j = before - 1; j >= 0; j--) {
            if (slots.get(j).startsWith(kindPrefix)) {
                return slotIds.get(j);
            }
        }
        return "indicator--" + uuid4();
    }

    private String text(int utf8Bytes) {
        StringBuilder text = new StringBuilder();
        int bytes = 0;
        while (bytes < utf8Bytes) {
            int s = content.nextInt(SENTENCES.length);
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(SENTENCES[s]);
            bytes += SENTENCE_BYTES[s];
        }
        return text.toString();
    }

    private String hex(int bytes) {
        byte[] b = new byte[bytes];
        content.nextBytes(b);
        return HEX.formatHex(b);
    }

    /** A random (version 4, variant 10xx) UUID from the id source. */
    private String uuid4() {
        long hi = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }

    private static String time(Instant instant) {
        return STIX_TIME.format(instant);
    }

    private static byte[] bundleJson(String id, List<StixObject> objects) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(objects.size() * 1_100 + 100);
        out.writeBytes(("{\"type\":\"bundle\",\"id\":\"" + id + "\",\"objects\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < objects.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(objects.get(i).json());
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
