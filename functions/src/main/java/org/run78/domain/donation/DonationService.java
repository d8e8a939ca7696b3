package org.run78.domain.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.error.DomainException;
import org.run78.domain.session.SessionService;

/** A user's donation of today's steps: from encrypted run data to one ledger entry, queued for the totals. */
public final class DonationService {
    private final Campaign campaign;
    private final DonationPolicy policy;
    private final SessionService sessions;
    private final RunDataDecoder decoder;
    private final DonationLedger ledger;
    private final DonationEvents events;
    private final Clock clock;

    public DonationService(Campaign campaign, DonationPolicy policy, SessionService sessions, RunDataDecoder decoder,
                           DonationLedger ledger, DonationEvents events, Clock clock) {
        this.campaign = campaign;
        this.policy = policy;
        this.sessions = sessions;
        this.decoder = decoder;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    public record Request(String regionCode, String encryptedData, String iv, Optional<String> loginCode) {}

    /** `queued` is false when the donation is recorded but its publication failed; the sweeper re-publishes it. */
    public record Outcome(Donation donation, boolean queued) {}

    public Outcome donate(String userId, Request request) {
        if (campaign.region(request.regionCode()).isEmpty()) {
            throw DomainException.invalid("regionCode " + request.regionCode() + " is not one of the campaign's regions");
        }
        policy.requireOpen(clock.instant());
        String sessionKey = request.loginCode()
                .map(code -> sessions.renewSessionKey(userId, code))
                .orElseGet(() -> sessions.currentSessionKey(userId));
        RunData runData = decoder.decode(request.encryptedData(), request.iv(), sessionKey);
        Instant now = clock.instant();
        AcceptedSteps accepted = policy.accept(runData, now);
        Donation donation = new Donation(Donation.idFor(userId, accepted.day()), userId, accepted.day(),
                request.regionCode(), accepted.steps(), accepted.countedSteps(), now);
        ledger.record(donation);
        try {
            events.publish(donation);
            return new Outcome(donation, true);
        } catch (RuntimeException publishFailed) {
            return new Outcome(donation, false);
        }
    }
}
