package org.run78.domain.campaign;

import java.util.Optional;

/** One of the donating regions; a helper region names the aided region it runs for. */
public record Region(String code, String name, String nameEn, boolean aided, Optional<String> helps) {}
