package org.run78.handlers;

import org.run78.app.Services;
import org.run78.domain.project.ProjectService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;

/** GET /v1/projects: every aided region's project, its generation and each claim's status and deadline. */
public final class ProjectsHandler extends ApiHandler {
    private final ProjectService projects;

    public ProjectsHandler() {
        this(Services.fromEnvironment());
    }

    public ProjectsHandler(Services services) {
        this.projects = services.projects();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(projects.overview());
    }
}
