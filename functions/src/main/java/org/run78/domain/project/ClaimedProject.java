package org.run78.domain.project;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One company's project in one aided region, from its claim to its published results. A claim
 * naming three regions makes three of these. `version` grows by one with every report, so a
 * report is written only over the state it was decided on.
 *
 * @param claimRegions        every region of the claim this project belongs to
 * @param coverageAmountYuan  the coverage the claim stated, or null when the claim left it open
 */
public record ClaimedProject(String regionCode, String companyCode, String companyName, String claimId,
                             List<String> claimRegions, Long coverageAmountYuan, Instant claimedAt,
                             ProjectStatus status, long version, List<ReportEntry> reports) {

    public ClaimedProject {
        claimRegions = List.copyOf(claimRegions);
        reports = List.copyOf(reports);
    }

    /** A project as its claim creates it. */
    public static ClaimedProject claimed(String regionCode, String companyCode, String companyName, String claimId,
                                         List<String> claimRegions, Long coverageAmountYuan, Instant claimedAt) {
        return new ClaimedProject(regionCode, companyCode, companyName, claimId, claimRegions, coverageAmountYuan,
                claimedAt, ProjectStatus.CLAIMED, 1, List.of());
    }

    public Optional<ReportEntry> last(Class<? extends ProjectReport> kind) {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (kind.isInstance(reports.get(i).report())) {
                return Optional.of(reports.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<ProjectReport.Delivered> delivery() {
        return last(ProjectReport.Delivered.class).map(e -> (ProjectReport.Delivered) e.report());
    }

    public Optional<Instant> deliveredAt() {
        return last(ProjectReport.Delivered.class).map(ReportEntry::at);
    }

    public Optional<Instant> completedAt() {
        return last(ProjectReport.Completed.class).map(ReportEntry::at);
    }

    /** The payouts reported so far, summed. */
    public record PayoutTotals(int reports, long amountYuan, long cases) {}

    public PayoutTotals payoutTotals() {
        int count = 0;
        long amount = 0;
        long cases = 0;
        for (ReportEntry entry : reports) {
            if (entry.report() instanceof ProjectReport.Payout payout) {
                count++;
                // a wrong total is worse than a failed one; the per-report bounds keep this far from overflowing
                amount = Math.addExact(amount, payout.amountYuan());
                cases = Math.addExact(cases, payout.cases());
            }
        }
        return new PayoutTotals(count, amount, cases);
    }

    public ClaimedProject after(ProjectStatus newStatus, ReportEntry entry) {
        List<ReportEntry> history = new java.util.ArrayList<>(reports);
        history.add(entry);
        return new ClaimedProject(regionCode, companyCode, companyName, claimId, claimRegions, coverageAmountYuan,
                claimedAt, newStatus, version + 1, history);
    }
}
