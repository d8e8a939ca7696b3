package org.run78.app;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.domain.campaign.BadgeRule;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.ClaimRules;
import org.run78.domain.campaign.DonationRules;
import org.run78.domain.campaign.ProjectRules;
import org.run78.domain.campaign.Region;

/**
 * Reads and validates a campaign data file (a classpath resource such as
 * `campaigns/2019.json`). A malformed file fails at start with a message naming the field.
 */
public final class CampaignFile {
    private final String source;

    private CampaignFile(String source) {
        this.source = source;
    }

    public static Campaign load(String resource) {
        try (InputStream in = CampaignFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("campaign file " + resource + " is not on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("campaign file " + resource + " cannot be read", e);
        }
    }

    public static Campaign parse(String source, String json) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (IOException e) {
            throw new IllegalStateException("campaign file " + source + " is not valid JSON: " + e.getMessage());
        }
        return new CampaignFile(source).campaign(root);
    }

    private Campaign campaign(JsonNode root) {
        ZoneId zone = field(root, "timeZone", n -> ZoneId.of(n.asText()));
        LocalDateTime start = field(root, "window.start", n -> LocalDateTime.parse(n.asText()));
        LocalDateTime end = field(root, "window.end", n -> LocalDateTime.parse(n.asText()));
        if (!start.isBefore(end)) {
            throw invalid("window.end", "must be after window.start");
        }
        DonationRules donations = new DonationRules(
                positiveInt(root, "donations.dailyThreshold"),
                positiveInt(root, "donations.dailyCeiling"),
                days(root, "donations.doubleDays"),
                positiveInt(root, "donations.doubleDayMultiplier"),
                field(root, "donations.runDataMaxAge", n -> Duration.parse(n.asText())),
                field(root, "donations.runDataClockSkew", n -> Duration.parse(n.asText())));
        if (donations.dailyThreshold() > donations.dailyCeiling()) {
            throw invalid("donations.dailyThreshold", "must not exceed donations.dailyCeiling");
        }
        for (LocalDate day : donations.doubleDays()) {
            if (day.isBefore(start.toLocalDate()) || day.isAfter(end.toLocalDate())) {
                throw invalid("donations.doubleDays", day + " lies outside the campaign window");
            }
        }
        List<Region> regions = regions(root);
        return new Campaign(
                text(root, "id"), text(root, "name"), zone, start, end, donations,
                positiveLong(root, "aidedTargetSteps"),
                positiveInt(root, "topDonors"),
                badges(root),
                new ClaimRules(positiveInt(root, "claims.perCompany"), positiveLong(root, "claims.minCoverageYuan")),
                new ProjectRules(positiveInt(root, "projects.minBeneficiaries"),
                        positiveLong(root, "projects.minCoverageYuan"),
                        period(root, "projects.minCoverTerm"),
                        period(root, "projects.deliveryWithin"),
                        period(root, "projects.resultsWithin")),
                regions);
    }

    private List<Region> regions(JsonNode root) {
        JsonNode list = node(root, "regions");
        if (!list.isArray() || list.isEmpty()) {
            throw invalid("regions", "must be a non-empty list");
        }
        List<Region> regions = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "regions[" + i + "]";
            JsonNode r = list.get(i);
            String code = text(r, "code", path + ".code");
            if (!code.matches("\\d{6}")) {
                throw invalid(path + ".code", "must be a 6-digit GB/T 2260 code, not " + code);
            }
            if (!codes.add(code)) {
                throw invalid(path + ".code", code + " appears twice");
            }
            boolean aided = field(r, "aided", path + ".aided", n -> {
                if (!n.isBoolean()) {
                    throw new IllegalArgumentException("must be true or false");
                }
                return n.booleanValue();
            });
            Optional<String> helps = Optional.ofNullable(r.get("helps")).map(JsonNode::asText);
            if (aided && helps.isPresent()) {
                throw invalid(path + ".helps", "an aided region helps no other region");
            }
            regions.add(new Region(code, text(r, "name", path + ".name"), text(r, "nameEn", path + ".nameEn"), aided, helps));
        }
        Set<String> helped = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            Optional<String> helps = regions.get(i).helps();
            if (helps.isEmpty()) {
                continue;
            }
            String target = helps.get();
            boolean isAided = regions.stream().anyMatch(r -> r.code().equals(target) && r.aided());
            if (!isAided) {
                throw invalid("regions[" + i + "].helps", target + " is not an aided region");
            }
            if (!helped.add(target)) {
                throw invalid("regions[" + i + "].helps", target + " already has a helper region");
            }
        }
        return regions;
    }

    private List<BadgeRule> badges(JsonNode root) {
        JsonNode list = node(root, "badges");
        List<BadgeRule> badges = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "badges[" + i + "]";
            JsonNode b = list.get(i);
            String id = text(b, "id", path + ".id");
            if (!ids.add(id)) {
                throw invalid(path + ".id", id + " appears twice");
            }
            BadgeRule.Kind kind = field(b, "rule", path + ".rule", n -> switch (n.asText()) {
                case "donations" -> BadgeRule.Kind.DONATIONS;
                case "consecutiveDays" -> BadgeRule.Kind.CONSECUTIVE_DAYS;
                default -> throw new IllegalArgumentException("must be donations or consecutiveDays");
            });
            int count = field(b, "count", path + ".count", CampaignFile::positive).intValue();
            badges.add(new BadgeRule(id, text(b, "name", path + ".name"), kind, count));
        }
        return badges;
    }

    private Set<LocalDate> days(JsonNode root, String path) {
        JsonNode list = node(root, path);
        if (!list.isArray()) {
            throw invalid(path, "must be a list of YYYY-MM-DD days");
        }
        Set<LocalDate> days = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            int index = i;
            days.add(field(list, null, path + "[" + i + "]", n -> LocalDate.parse(list.get(index).asText())));
        }
        return days;
    }

    private Period period(JsonNode root, String path) {
        return field(root, path, n -> Period.parse(n.asText()));
    }

    private int positiveInt(JsonNode root, String path) {
        return Math.toIntExact(field(root, path, CampaignFile::positive));
    }

    private long positiveLong(JsonNode root, String path) {
        return field(root, path, CampaignFile::positive);
    }

    private static Long positive(JsonNode n) {
        if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() <= 0) {
            throw new IllegalArgumentException("must be a positive whole number");
        }
        return n.asLong();
    }

    private String text(JsonNode root, String path) {
        return text(root, path, path);
    }

    private String text(JsonNode parent, String relative, String path) {
        return field(parent, relative, path, n -> {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new IllegalArgumentException("must be a non-empty string");
            }
            return n.asText();
        });
    }

    private <T> T field(JsonNode root, String path, Function<JsonNode, T> read) {
        return field(root, path, path, read);
    }

    private <T> T field(JsonNode parent, String relative, String path, Function<JsonNode, T> read) {
        JsonNode n = relative == null ? parent : node(parent, relative, path);
        try {
            return read.apply(n);
        } catch (DateTimeException | IllegalArgumentException | ArithmeticException e) {
            throw invalid(path, e.getMessage() == null ? "is malformed" : e.getMessage().toLowerCase(Locale.ROOT));
        }
    }

    private JsonNode node(JsonNode root, String path) {
        return node(root, path, path);
    }

    private JsonNode node(JsonNode parent, String relative, String path) {
        JsonNode n = parent;
        for (String part : relative.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || n.isNull()) {
            throw invalid(path, "is missing");
        }
        return n;
    }

    private IllegalStateException invalid(String path, String problem) {
        return new IllegalStateException("campaign file " + source + ": field " + path + " " + problem);
    }
}
