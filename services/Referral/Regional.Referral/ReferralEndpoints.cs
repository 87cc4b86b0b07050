using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Regional.Referral.Features;

using Regional.ServiceKit;

namespace Regional.Referral;

public static class ReferralEndpoints
{
    public const string PracticePolicy = ServicePolicies.Practice;

    /// <summary>
    /// Concerns, the host's reciprocal cases and the placing authority's tracking. Paths are
    /// relative to the authority: the gateway maps <c>/{authority}/referrals|cases|tracking</c> here.
    /// </summary>
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder routes)
    {
        var referrals = routes.MapGroup("/referrals")
            .WithTags("Referrals")
            .RequireAuthorization(PracticePolicy);
        referrals.MapPost("/", RecordReferralHandler.Handle)
            .WithName("RecordReferral")
            .WithSummary("Record a CRE concern about a child in our area; a child placed here by another authority opens a reciprocal case and that authority is told at once. "
                         + "The same source and sourceReference again returns the concern already recorded (200).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        referrals.MapGet("/", CaseQueries.ListReferrals)
            .WithName("ListReferrals")
            .WithSummary("Concerns received, newest first.");
        referrals.MapGet("/{id:guid}", CaseQueries.GetReferral)
            .WithName("GetReferral");

        var cases = routes.MapGroup("/cases")
            .WithTags("Reciprocal cases")
            .RequireAuthorization(PracticePolicy);
        cases.MapGet("/", CaseQueries.ListCases)
            .WithName("ListCases")
            .WithSummary("Reciprocal cases we hold as host for other authorities' children; ?status=open|closed|all.");
        cases.MapGet("/risk-tool", CaseQueries.Alignment)
            .WithName("GetRiskToolAlignment")
            .WithSummary("The risk tool versions the region has aligned and retired, as this authority last heard.");
        cases.MapGet("/risk-tool/{version}", CaseQueries.RiskToolDefinition)
            .WithName("GetRiskToolDefinition")
            .WithSummary("One version of the regional risk tool: its indicators (with what low, medium and high mean), vulnerability factors, "
                         + "models and types of exploitation, and whether the region has aligned it; the codes an assessment uses.");
        cases.MapGet("/{id:guid}", CaseQueries.GetCase)
            .WithName("GetCase")
            .WithSummary("A reciprocal case with its concerns, meetings, current level and next review.");
        cases.MapPost("/{id:guid}/meetings", RecordMeetingHandler.Handle)
            .WithName("RecordMeeting")
            .WithSummary("Record a professionals meeting, the initial CRE strategy meeting or a review, with attendance, the assessment (an aligned tool version), "
                         + "the plan (at most 5 outcomes) and the next review; the outcome goes to the placing authority.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapPost("/{id:guid}/propose-closure", HostClosureHandlers.Propose)
            .WithName("ProposeClosure")
            .WithSummary("Propose closing the reciprocal case; the placing authority decides.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        cases.MapPost("/{id:guid}/close", HostClosureHandlers.Close)
            .WithName("CloseCaseAsHost")
            .WithSummary("Refused (403): only the placing authority can close its child's case record.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var intelligence = routes.MapGroup("/intelligence")
            .WithTags("Intelligence")
            .RequireAuthorization(PracticePolicy);
        intelligence.MapPost("/", ReportIntelligenceHandler.Handle)
            .WithName("ReportIntelligence")
            .WithSummary("Report a person, place or vehicle of concern; the police force covering the area gets an alert at once. Names no child.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        intelligence.MapGet("/", ReportIntelligenceHandler.List)
            .WithName("ListIntelligenceReports")
            .WithSummary("Intelligence reports this authority made, newest first.");

        var tracking = routes.MapGroup("/tracking")
            .WithTags("Tracking")
            .RequireAuthorization(PracticePolicy);
        tracking.MapGet("/", Tracking.List)
            .WithName("ListTrackedCases")
            .WithSummary("Our children with reciprocal cases elsewhere, by what needs attention: overdue reviews, then highest risk, then next due. ?includeClosed=true.");
        tracking.MapGet("/{caseId:guid}", Tracking.Get)
            .WithName("GetTrackedCase")
            .WithSummary("Concerns, meetings, current level with tool version, plan, next review due and whether it is overdue.");
        tracking.MapPost("/{caseId:guid}/close", Tracking.Close)
            .WithName("CloseTrackedCase")
            .WithSummary("Close our child's case record with a reason; the host is told and stops its reciprocal reviews.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }
}
