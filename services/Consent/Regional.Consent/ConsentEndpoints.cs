using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Regional.Consent.Features;
using Regional.ServiceKit;

namespace Regional.Consent;

public static class ConsentEndpoints
{
    /// <summary>
    /// A child's consent record and its "who saw what". Paths are relative to the authority: the
    /// gateway maps <c>/{authority}/consent</c> here. See docs/decisions/0015-consent-roles.md for who may do what.
    /// </summary>
    public static IEndpointRouteBuilder MapConsentEndpoints(this IEndpointRouteBuilder routes)
    {
        var children = routes.MapGroup("/consent/children/{childId}")
            .WithTags("Consent");
        children.MapGet("/", ConsentRecords.Get)
            .RequireAuthorization(ServicePolicies.Practice)
            .WithName("GetConsentRecord")
            .WithSummary("The child's consent decisions and safeguarding overrides, and per purpose and recipient type the basis that holds today: consent, safeguarding, or none.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        children.MapPost("/decisions", RecordDecisionHandler.Handle)
            .RequireAuthorization(ServicePolicies.Practice)
            .WithName("RecordConsentDecision")
            .WithSummary("Record a consent, refusal or withdrawal by the child (with age and a competence judgement), a parent or carer, or a court. "
                         + "A court's decision decides over a competent child's, over a parent's or carer's; the latest within the same standing. "
                         + "The authority's own services are told of every basis that changed.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        children.MapPost("/overrides", RecordOverrideHandler.Handle)
            .RequireAuthorization(ConsentPolicies.SafeguardingDecision)
            .WithName("RecordSafeguardingOverride")
            .WithSummary("Record a safeguarding override (CRE coordinator or manager): the law it rests on, the reason, who approved it in which role, "
                         + "and a review date within 92 days, after which it no longer holds.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        children.MapGet("/access", AccessLog.Get)
            .RequireAuthorization(ConsentPolicies.Audit)
            .WithName("GetChildAccessLog")
            .WithSummary("Who has received or read what about the child, when and on what basis: every disclosure and read reported to us, in time order.");
        children.MapGet("/access.csv", AccessLog.Csv)
            .RequireAuthorization(ConsentPolicies.Audit)
            .WithName("GetChildAccessLogCsv")
            .WithSummary("The same as CSV (RFC 4180).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return routes;
    }
}
