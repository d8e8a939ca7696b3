package org.run78.store;

import static org.run78.store.Items.n;
import static org.run78.store.Items.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.run78.domain.claim.Claim;
import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectReport;
import org.run78.domain.project.ProjectStatus;
import org.run78.domain.project.ReportEntry;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How claims and claimed projects are laid out as items of the companies table. */
final class ProjectItems {
    static final String VERSION = "version";
    static final String STATUS = "status";

    private ProjectItems() {}

    static Map<String, AttributeValue> projectKey(String regionCode, String companyCode) {
        return Map.of(Keys.PK, s(Keys.PROJECTS_PK), Keys.SK, s(Keys.projectSk(regionCode, companyCode)));
    }

    static Map<String, AttributeValue> claimKey(String companyCode) {
        return Map.of(Keys.PK, s(Keys.companyPk(companyCode)), Keys.SK, s(Keys.CLAIM_SK));
    }

    static Map<String, AttributeValue> claimItem(Claim c) {
        Map<String, AttributeValue> item = new HashMap<>(claimKey(c.companyCode()));
        item.put("claimId", s(c.claimId()));
        item.put("companyCode", s(c.companyCode()));
        item.put("companyName", s(c.companyName()));
        item.put("regions", strings(c.regions()));
        if (c.coverageAmountYuan() != null) {
            item.put("coverageAmountYuan", n(c.coverageAmountYuan()));
        }
        item.put("claimedAt", s(c.claimedAt().toString()));
        return item;
    }

    static Claim claim(Map<String, AttributeValue> item) {
        return new Claim(Items.string(item, "claimId"), Items.string(item, "companyCode"), Items.string(item, "companyName"),
                strings(item, "regions"), optionalNumber(item, "coverageAmountYuan"), Instant.parse(Items.string(item, "claimedAt")));
    }

    static Map<String, AttributeValue> projectItem(ClaimedProject p) {
        Map<String, AttributeValue> item = new HashMap<>(projectKey(p.regionCode(), p.companyCode()));
        item.put("regionCode", s(p.regionCode()));
        item.put("companyCode", s(p.companyCode()));
        item.put("companyName", s(p.companyName()));
        item.put("claimId", s(p.claimId()));
        item.put("claimRegions", strings(p.claimRegions()));
        if (p.coverageAmountYuan() != null) {
            item.put("coverageAmountYuan", n(p.coverageAmountYuan()));
        }
        item.put("claimedAt", s(p.claimedAt().toString()));
        item.put(STATUS, s(p.status().apiName()));
        item.put(VERSION, n(p.version()));
        item.put("reports", AttributeValue.fromL(p.reports().stream().map(ProjectItems::entry).toList()));
        return item;
    }

    static ClaimedProject project(Map<String, AttributeValue> item) {
        String status = Items.string(item, STATUS);
        List<ReportEntry> reports = new ArrayList<>();
        AttributeValue list = item.get("reports");
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                reports.add(entry(entry.m()));
            }
        }
        return new ClaimedProject(Items.string(item, "regionCode"), Items.string(item, "companyCode"),
                Items.string(item, "companyName"), Items.string(item, "claimId"), strings(item, "claimRegions"),
                optionalNumber(item, "coverageAmountYuan"), Instant.parse(Items.string(item, "claimedAt")),
                ProjectStatus.fromApiName(status).orElseThrow(() -> new IllegalStateException("unknown project status " + status)),
                Items.number(item, VERSION), reports);
    }

    private static AttributeValue entry(ReportEntry e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("type", s(e.report().type()));
        m.put("at", s(e.at().toString()));
        m.put("late", AttributeValue.fromBool(e.late()));
        if (e.report() instanceof ProjectReport.Delivered d) {
            m.put("beneficiaries", n(d.beneficiaries()));
            m.put("coverageAmountYuan", n(d.coverageAmountYuan()));
            m.put("coverFrom", s(d.coverFrom().toString()));
            m.put("coverTo", s(d.coverTo().toString()));
        } else if (e.report() instanceof ProjectReport.Payout p) {
            m.put("amountYuan", n(p.amountYuan()));
            m.put("cases", n(p.cases()));
        } else if (e.report() instanceof ProjectReport.ResultsPublished r) {
            m.put("url", s(r.url()));
        }
        return AttributeValue.fromM(m);
    }

    private static ReportEntry entry(Map<String, AttributeValue> m) {
        String type = Items.string(m, "type");
        ProjectReport report = switch (type) {
            case "delivered" -> new ProjectReport.Delivered(Items.number(m, "beneficiaries"), Items.number(m, "coverageAmountYuan"),
                    LocalDate.parse(Items.string(m, "coverFrom")), LocalDate.parse(Items.string(m, "coverTo")));
            case "payout" -> new ProjectReport.Payout(Items.number(m, "amountYuan"), Items.number(m, "cases"));
            case "completed" -> new ProjectReport.Completed();
            case "results-published" -> new ProjectReport.ResultsPublished(Items.string(m, "url"));
            default -> throw new IllegalStateException("unknown report type " + type);
        };
        AttributeValue late = m.get("late");
        return new ReportEntry(report, Instant.parse(Items.string(m, "at")), late != null && Boolean.TRUE.equals(late.bool()));
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            throw new IllegalStateException("item attribute " + name + " is missing or not a list");
        }
        return v.l().stream().map(AttributeValue::s).toList();
    }

    private static Long optionalNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : Long.parseLong(v.n());
    }
}
