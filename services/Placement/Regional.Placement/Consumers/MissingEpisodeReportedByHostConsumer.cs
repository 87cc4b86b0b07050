using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Features;
using Regional.Region;

namespace Regional.Placement.Consumers;

/// <summary>
/// Placing side: the host passed on a report that our child is missing. It is recorded as our own
/// report would be (under the host's episode id, so a redelivery finds it), the host is told back and
/// the forces are alerted. A report about a missing child is never dropped: when an episode is already
/// open (both authorities heard at once), the host's locations and associates join it and its
/// description is kept beside ours, and the host gets the whole state.
/// </summary>
public sealed class MissingEpisodeReportedByHostConsumer(
    PlacementDbContext db,
    UnitOfWork<PlacementDbContext> work,
    CrossBorderOutbox outbox,
    ServiceIdentity self,
    RegionDirectory region,
    IOptions<PlacementOptions> options,
    TimeProvider clock) : IConsumer<MissingEpisodeReportedByHost>
{
    public async Task Consume(ConsumeContext<MissingEpisodeReportedByHost> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        var ct = context.CancellationToken;
        var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == m.PlacementId, ct)
            ?? throw new MisroutedMessageException($"Placement {m.PlacementId} is not one of {self.Authority}'s.");
        if (placement.HostAuthority != m.From)
        {
            throw new MisroutedMessageException($"Placement {m.PlacementId} is hosted by another authority than the one reporting.");
        }

        if (await db.MissingEpisodes.AnyAsync(e => e.Id == m.EpisodeId, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var open = await db.MissingEpisodes.FirstOrDefaultAsync(e => e.PlacementId == m.PlacementId && e.ReturnedAt == null, ct);
        if (open is null)
        {
            await MissingEpisodes.OpenAsync(
                db, outbox, region, self.Authority, placement, m.EpisodeId,
                new ReportMissingRequest(m.MissingSince, m.ReportedBy, m.Description, m.PhotoReference, m.RiskAssessedLocations, m.Associates, m.Phone, m.RiskLevel, m.LastSeenAt),
                options.Value, now, ct);
        }
        else
        {
            open.RiskAssessedLocations = [.. open.RiskAssessedLocations.Union(m.RiskAssessedLocations ?? []).Take(MissingDetailsValidator.MaxListItems)];
            open.Associates = [.. open.Associates.Union(m.Associates ?? []).Take(MissingDetailsValidator.MaxListItems)];
            if (!string.Equals(open.Description, m.Description, StringComparison.Ordinal))
            {
                var joined = $"{open.Description}\n[Also reported by {m.From} at {m.ReportedAt:yyyy-MM-dd HH:mm}Z]: {m.Description}";
                open.Description = joined.Length > 2000 ? joined[..2000] : joined;
            }

            open.PhotoReference ??= m.PhotoReference;
            open.Phone ??= m.Phone;
            open.LastSeenAt ??= m.LastSeenAt;
            open.UpdatedAt = now;
            MissingEpisodeLookup.Touch(db, placement);
            outbox.Send(db, new MissingEpisodeUpdated(
                open.Id, placement.Id, self.Authority, placement.HostAuthority, open.ChildLocalId, open.Description,
                open.PhotoReference, open.RiskAssessedLocations, open.Associates, open.Phone, open.RiskLevel, open.LastSeenAt, now));
        }

        await work.CommitAsync(ct);
    }
}

public sealed class MissingEpisodeReportedByHostConsumerDefinition : InboxConsumerDefinition<MissingEpisodeReportedByHostConsumer>;
