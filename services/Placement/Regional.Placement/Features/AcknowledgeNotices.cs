using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Security;

namespace Regional.Placement.Features;

/// <summary>
/// The host acknowledges what it was told about a child placed in its area. Acknowledging
/// again is harmless: nothing is outstanding, nothing is sent.
/// </summary>
internal static class AcknowledgeNoticesHandler
{
    public static async Task<Results<Ok<RegisterEntryView>, NotFound>> Handle(
        Guid placementId,
        ClaimsPrincipal user,
        PlacementDbContext db,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        TimeProvider clock,
        PlacementMetrics metrics,
        CancellationToken cancellationToken)
    {
        var entry = await db.Register.Include(e => e.Notices).FirstOrDefaultAsync(e => e.PlacementId == placementId, cancellationToken);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var role = user.FindAll(RegionalClaims.Role).Select(c => c.Value).FirstOrDefault() ?? "unknown";
        var outstanding = entry.Notices.Where(n => n.AcknowledgedAt is null).ToList();
        foreach (var notice in outstanding)
        {
            notice.AcknowledgedAt = now;
            notice.AcknowledgedBy = user.GetSubject();
            outbox.Send(db, new NoticeAcknowledged(notice.NotificationId, entry.PlacementId, self.Authority, entry.PlacingAuthority, now, role));
            var kind = notice.Kind == NotificationKind.PlacementStart ? StepKinds.PlacementNoticeAcknowledged : StepKinds.EndNoticeAcknowledged;
            outbox.Publish(db, new CrossBorderStepRecorded(notice.NotificationId, kind, self.Authority, entry.PlacingAuthority, now));
        }

        if (outstanding.Count > 0)
        {
            await work.CommitAsync(cancellationToken);
            metrics.Acknowledged(entry.PlacingAuthority, outstanding.Count);
        }

        return TypedResults.Ok(RegisterEntryView.From(entry));
    }
}
