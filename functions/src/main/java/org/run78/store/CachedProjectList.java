package org.run78.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectBook;

/**
 * GET /v1/projects reads every claimed project, report histories included, from one
 * partition: public traffic must not read it per request. The list is kept a moment per
 * container; a company's own reads and writes (find, replace) always go to the table.
 */
public final class CachedProjectList implements ProjectBook {
    private final ProjectBook source;
    private final PerContainerCache<List<ClaimedProject>> all;

    public CachedProjectList(ProjectBook source, Duration ttl) {
        this.source = source;
        this.all = new PerContainerCache<>(source::all, ttl, System::nanoTime);
    }

    @Override
    public List<ClaimedProject> all() {
        return all.get();
    }

    @Override
    public Optional<ClaimedProject> find(String regionCode, String companyCode) {
        return source.find(regionCode, companyCode);
    }

    @Override
    public boolean replace(ClaimedProject current, ClaimedProject updated) {
        return source.replace(current, updated);
    }
}
