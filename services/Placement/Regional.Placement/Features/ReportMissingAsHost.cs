using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

/// <summary>
/// The host hears first (the carer rings its out-of-hours team, or local police tell it): it reports
/// the child in its register missing with the same Philomena details, and the report goes to the
/// placing authority, which owns the episode, tells the host back and alerts the forces. Checked here
/// as the placing authority would check it, so a report that leaves is one it will record.
/// </summary>
internal static class ReportMissingAsHostHandler
{
    public static async Task<Results<Accepted<MissingReportPassedOnView>, NotFound, ProblemHttpResult>> Handle(
        Guid placementId,
        ReportMissingRequest request,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        StatutoryClocks clocks,
        TimeProvider clock,
        CancellationToken cancellationToken) =>
        await work.ExecuteAsync<Results<Accepted<MissingReportPassedOnView>, NotFound, ProblemHttpResult>>(async ct =>
        {
            var db = work.Db;
            var entry = await db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.PlacementId == placementId, ct);
            if (entry is null)
            {
                return TypedResults.NotFound();
            }

            var now = clock.GetUtcNow();
            if (entry.EndDate is { } ended && ended <= clocks.Today(now))
            {
                return Problems.Conflict($"{entry.PlacingAuthority} ended this placement on {ended:yyyy-MM-dd}; tell them directly.");
            }

            var errors = ReportMissingValidator.Validate(request, entry.StartDate, now, clocks);
            if (errors.Any)
            {
                return Problems.Unprocessable(errors.ToDictionary());
            }

            if (await db.RegisterMissing.AnyAsync(m => m.PlacementId == placementId && m.ReturnedAt == null, ct))
            {
                return Problems.Conflict($"{entry.PlacingAuthority} already has an episode open for this child; it shows on the register entry.");
            }

            var episodeId = Guid.CreateVersion7(now);
            outbox.Send(db, new MissingEpisodeReportedByHost(
                episodeId, placementId, self.Authority, entry.PlacingAuthority, entry.Child.LocalId, request.MissingSince!.Value,
                request.ReportedBy!, request.Description!.Trim(), MissingDetailsValidator.Clean(request.PhotoReference),
                MissingDetailsValidator.Clean(request.RiskAssessedLocations), MissingDetailsValidator.Clean(request.Associates),
                MissingDetailsValidator.Clean(request.Phone), request.RiskLevel!, MissingDetailsValidator.Clean(request.LastSeenAt), now));
            return TypedResults.Accepted(
                $"/{self.Authority}/register/{placementId}", new MissingReportPassedOnView(episodeId, placementId, entry.PlacingAuthority, now));
        }, cancellationToken);
}
