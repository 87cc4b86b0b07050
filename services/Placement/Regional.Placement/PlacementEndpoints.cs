using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Regional.Placement.Features;

using Regional.ServiceKit;

namespace Regional.Placement;

public static class PlacementEndpoints
{
    public const string PracticePolicy = ServicePolicies.Practice;

    /// <summary>
    /// The placing authority's placements and the host's register. Paths are relative to the
    /// authority: the gateway maps <c>/{authority}/placements</c> here.
    /// </summary>
    public static IEndpointRouteBuilder MapPlacementEndpoints(this IEndpointRouteBuilder routes)
    {
        var placements = routes.MapGroup("/placements")
            .WithTags("Placements")
            .RequireAuthorization(PracticePolicy);
        placements.MapPost("/", RecordPlacementHandler.Handle)
            .WithName("RecordPlacement")
            .WithSummary("Record a placement of one of our children in another authority's area; notifies the host.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapPost("/batch", RecordPlacementsHandler.Handle)
            .WithName("RecordPlacements")
            .WithSummary($"Backfill: record up to {RecordPlacementsHandler.MaxBatch} placements at once, all or nothing; each notifies its host.")
            .WithMetadata(new RequestSizeLimitAttribute(RecordPlacementsHandler.MaxBatchBodyBytes))
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapGet("/", PlacementQueries.ListPlacements)
            .WithName("ListPlacements")
            .WithSummary("Our children placed elsewhere, newest first; ?status=overdue filters by notification status.");
        placements.MapGet("/{id:guid}", PlacementQueries.GetPlacement)
            .WithName("GetPlacement")
            .WithSummary("A placement with its notifications: sent, delivered, acknowledged or overdue.");
        placements.MapPost("/{id:guid}/end", EndPlacementHandler.Handle)
            .WithName("EndPlacement")
            .WithSummary("Record the end of a placement; notifies the host.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapPost("/{id:guid}/share", ShareChildDetailsHandler.Handle)
            .WithName("ShareChildDetails")
            .WithSummary("Share health or exploitation details with the host; goes on consent or a safeguarding override, else 422 and held until one is recorded.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapGet("/{id:guid}/missing", PlacementQueries.ListMissing)
            .WithName("ListMissingEpisodes")
            .WithSummary("The placement's missing episodes, with returns, return home interviews and repeat flags.");
        placements.MapPost("/{id:guid}/missing", ReportMissingHandler.Handle)
            .WithName("ReportMissing")
            .WithSummary("Report the child missing (Philomena protocol details); tells the host. One open episode per placement.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapPost("/{id:guid}/missing/{episodeId:guid}/update", UpdateMissingHandler.Handle)
            .WithName("UpdateMissing")
            .WithSummary("More details of an open episode, or a changed risk level; tells the host.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapPost("/{id:guid}/missing/{episodeId:guid}/return", RecordReturnHandler.Handle)
            .WithName("RecordReturn")
            .WithSummary("Record the child's return (found where, by whom); starts the return home interview clock; tells the host.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        placements.MapPost("/{id:guid}/missing/{episodeId:guid}/return-home-interview", RecordReturnHomeInterviewHandler.Handle)
            .WithName("RecordReturnHomeInterview")
            .WithSummary("Record the return home interview: offered, done or declined, by whom, independent or not; tells the host.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var register = routes.MapGroup("/register")
            .WithTags("Register")
            .RequireAuthorization(PracticePolicy);
        register.MapGet("/", RegisterQueries.ListRegister)
            .WithName("ListRegister")
            .WithSummary("Children placed in our area by other authorities; ?awaitingAcknowledgement=true for the work queue; ?missing=true for children missing now.");
        register.MapGet("/{placementId:guid}", RegisterQueries.GetEntry)
            .WithName("GetRegisterEntry");
        register.MapPost("/{placementId:guid}/missing", ReportMissingAsHostHandler.Handle)
            .WithName("ReportMissingAsHost")
            .WithSummary("Report a child in our register missing (the carer rang us); passed on to the placing authority, which records the episode and alerts the police. 202.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        register.MapPost("/{placementId:guid}/acknowledge", AcknowledgeNoticesHandler.Handle)
            .WithName("AcknowledgeNotices")
            .WithSummary("Acknowledge the outstanding notices about a child placed in our area.");
        return routes;
    }
}
