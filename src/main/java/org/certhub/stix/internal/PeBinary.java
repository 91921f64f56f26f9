package org.certhub.stix.internal;

import static org.certhub.stix.internal.Checks.HEX;
import static org.certhub.stix.internal.Checks.NON_NEGATIVE;
import static org.certhub.stix.internal.Checks.STRING;

/** The windows-pebinary-ext file extension and its embedded header and section types. */
final class PeBinary {

    private static final String[] HEADER_HEX = {
        "magic_hex", "win32_version_value_hex", "checksum_hex", "subsystem_hex", "dll_characteristics_hex",
        "loader_flags_hex"
    };

    private static final String[] HEADER_NUMBERS = {
        "major_linker_version", "minor_linker_version", "size_of_code", "size_of_initialized_data",
        "size_of_uninitialized_data", "address_of_entry_point", "base_of_code", "base_of_data", "image_base",
        "section_alignment", "file_alignment", "major_os_version", "minor_os_version", "major_image_version",
        "minor_image_version", "major_subsystem_version", "minor_subsystem_version", "size_of_image",
        "size_of_headers", "size_of_stack_reserve", "size_of_stack_commit", "size_of_heap_reserve",
        "size_of_heap_commit", "number_of_rva_and_sizes"
    };

    private static final Shape SECTION = Shape.builder()
            .required("name", STRING)
            .optional("size", NON_NEGATIVE)
            .optional("entropy", Checks.number(0, 8))
            .optional("hashes", Hashes.HASHES)
            .build();

    static final Shape SHAPE = Shape.builder()
            .required("pe_type", Checks.vocab(Vocabularies.WINDOWS_PEBINARY_TYPE))
            .optional("imphash", STRING)
            .optional("machine_hex", HEX)
            .optional("number_of_sections", NON_NEGATIVE)
            .optional("time_date_stamp", Checks.TIMESTAMP_SECONDS)
            .optional("pointer_to_symbol_table_hex", HEX)
            .optional("number_of_symbols", NON_NEGATIVE)
            .optional("size_of_optional_header", NON_NEGATIVE)
            .optional("characteristics_hex", HEX)
            .optional("file_header_hashes", Hashes.HASHES)
            .optional("optional_header", Checks.object(optionalHeader()))
            .optional("sections", Checks.listOf(Checks.object(SECTION)))
            .build();

    private PeBinary() {
    }

    private static Shape optionalHeader() {
        Shape.Builder builder = Shape.builder().optional("hashes", Hashes.HASHES);
        for (String name : HEADER_HEX) {
            builder.optional(name, HEX);
        }
        for (String name : HEADER_NUMBERS) {
            builder.optional(name, NON_NEGATIVE);
        }
        return builder.build();
    }
}
