using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Regional.Messaging;

namespace Regional.ServiceKit;

/// <summary>The disclosure audit of one service's database, for the endpoints (the context type is the service's own).</summary>
public interface IAuditStore
{
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);

    Task<List<DisclosureAuditEntry>> ForChildAsync(string owner, string childLocalId, CancellationToken cancellationToken);
}

internal sealed class AuditStore(DbContext db) : IAuditStore
{
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => DisclosureAudit.VerifyAsync(db, cancellationToken);

    public Task<List<DisclosureAuditEntry>> ForChildAsync(string owner, string childLocalId, CancellationToken cancellationToken) =>
        db.Set<DisclosureAuditEntry>().AsNoTracking()
            .Where(e => e.ChildOwner == owner && e.ChildLocalId == childLocalId)
            .OrderBy(e => e.Position)
            .ToListAsync(cancellationToken);
}

public sealed record AuditEntryView(
    long Position, Guid EntryId, string Kind, DateTimeOffset OccurredAt, Guid? MessageId, string What, string Counterpart,
    string RecipientType, string ChildOwner, string ChildLocalId, IReadOnlyList<string> Fields, string Basis, string? BasisReference,
    int RulesVersion, string ActorRole, string? CorrelationId, string Hash);

public static class DisclosureAuditEndpoints
{
    /// <summary>
    /// <c>/audit/disclosures</c> of this service (the gateway maps <c>/{authority}/audit/{service}</c> here):
    /// the entries about one child and the chain's verification.
    /// </summary>
    public static IEndpointRouteBuilder MapDisclosureAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/audit/disclosures").WithTags("Disclosure audit").RequireAuthorization(ServicePolicies.Audit);
        audit.MapGet("/verify", Verify)
            .WithName("VerifyDisclosureAudit")
            .WithSummary("Walks this service's audit chain; reports the first entry whose hash or link does not hold.");
        audit.MapGet("/", ForChild)
            .WithName("ListDisclosures")
            .WithSummary("What this service disclosed, or recorded as read, about one child: ?owner=&childId=.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Ok<AuditVerification>> Verify(IAuditStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.VerifyAsync(cancellationToken));

    private static async Task<Results<Ok<List<AuditEntryView>>, ProblemHttpResult>> ForChild(
        string? owner, string? childId, IAuditStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(owner))
        {
            errors["owner"] = ["The authority responsible for the child is required."];
        }

        if (string.IsNullOrWhiteSpace(childId))
        {
            errors["childId"] = ["The child's id in that authority's system is required."];
        }

        if (errors.Count > 0)
        {
            return ServiceDefaults.Problems.Unprocessable(errors);
        }

        var entries = await store.ForChildAsync(owner!, childId!, cancellationToken);
        return TypedResults.Ok(entries.Select(e => new AuditEntryView(
            e.Position, e.EntryId, e.Kind, e.OccurredAt, e.MessageId, e.What, e.Counterpart, e.RecipientType, e.ChildOwner, e.ChildLocalId,
            JsonSerializer.Deserialize<List<string>>(e.Fields) ?? [], e.Basis, e.BasisReference, e.RulesVersion, e.ActorRole,
            e.CorrelationId, e.Hash)).ToList());
    }
}
