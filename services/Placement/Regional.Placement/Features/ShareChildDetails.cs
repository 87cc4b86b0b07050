using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static class ShareChildDetailsValidator
{
    public static readonly string[] Purposes = ["health", "exploitation"];

    public static ValidationErrors Validate(ShareChildDetailsRequest request)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            errors.Add("purpose", "is required.");
        }
        else if (!Purposes.Contains(request.Purpose))
        {
            errors.Add("purpose", $"must be one of: {string.Join(", ", Purposes)}.");
        }
        else if (request.Purpose == "health" && request.Health is null)
        {
            errors.Add("health", "is required to share for purpose health.");
        }
        else if (request.Purpose == "exploitation" && string.IsNullOrWhiteSpace(request.ExploitationRisks))
        {
            errors.Add("exploitationRisks", "is required to share for purpose exploitation.");
        }

        if (request.Health is { } health)
        {
            errors.MaxLength("health.conditions", health.Conditions, 2000);
            errors.MaxLength("health.medication", health.Medication, 2000);
            errors.MaxLength("health.allergies", health.Allergies, 2000);
        }

        errors.MaxLength("exploitationRisks", request.ExploitationRisks, 4000);
        return errors;
    }
}

/// <summary>
/// The placing authority shares details about its child with the host for one purpose. They go on
/// consent or a safeguarding override recorded for that purpose; without one the message is held
/// (the caller hears 422 naming the missing basis) and goes once one is recorded.
/// </summary>
internal static class ShareChildDetailsHandler
{
    public static async Task<Results<Accepted<ShareChildDetailsResponse>, NotFound, ProblemHttpResult>> Handle(
        Guid id,
        ShareChildDetailsRequest request,
        PlacementDbContext db,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = ShareChildDetailsValidator.Validate(request);
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var placement = await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (placement is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var shareId = Guid.CreateVersion7(now);
        var health = request.Purpose == "health" && request.Health is { } h ? new HealthDetails(h.Conditions?.Trim(), h.Medication?.Trim(), h.Allergies?.Trim()) : null;
        var messageId = outbox.Send(db, new ChildDetailsShared(
            shareId, placement.Id, self.Authority, placement.HostAuthority, placement.Child.LocalId, request.Purpose!,
            health, request.Purpose == "exploitation" ? request.ExploitationRisks!.Trim() : null, now));
        await work.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/placements/{placement.Id}", new ShareChildDetailsResponse(shareId, messageId));
    }
}
