using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>
/// Host side: a child in our register is missing. The inbox makes a redelivery a no-op; the
/// episode id as key makes a second copy harmless even past the inbox's retention. A report that
/// overtakes the placement notice is retried until the register entry is there.
/// </summary>
public sealed class MissingEpisodeReportedConsumer(PlacementDbContext db, UnitOfWork<PlacementDbContext> work, ServiceIdentity self)
    : IConsumer<MissingEpisodeReported>
{
    public async Task Consume(ConsumeContext<MissingEpisodeReported> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        var entry = await db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.PlacementId == m.PlacementId, context.CancellationToken)
            ?? throw new RegisterEntryNotYetKnownException(m.PlacementId);
        if (entry.PlacingAuthority != m.From)
        {
            throw new MisroutedMessageException($"Placement {m.PlacementId} is held for another placing authority.");
        }

        if (await db.RegisterMissing.AnyAsync(e => e.EpisodeId == m.EpisodeId, context.CancellationToken))
        {
            return;
        }

        db.RegisterMissing.Add(new RegisterMissingEpisode
        {
            EpisodeId = m.EpisodeId,
            PlacementId = m.PlacementId,
            ChildLocalId = m.ChildLocalId,
            MissingSince = m.MissingSince,
            ReportedBy = m.ReportedBy,
            Description = m.Description,
            PhotoReference = m.PhotoReference,
            RiskAssessedLocations = [.. m.RiskAssessedLocations ?? []],
            Associates = [.. m.Associates ?? []],
            Phone = m.Phone,
            RiskLevel = m.RiskLevel,
            LastSeenAt = m.LastSeenAt,
            EpisodeNumberInWindow = m.EpisodeNumberInWindow,
            Repeat = m.Repeat,
            ReportedAt = m.ReportedAt,
        });
        await work.CommitAsync(context.CancellationToken);
    }
}

/// <summary>
/// Host side: more details of an episode. Each update carries the whole state, so the latest one
/// wins and an older one arriving late is dropped; one that overtakes its report is retried.
/// </summary>
public sealed class MissingEpisodeUpdatedConsumer(PlacementDbContext db, UnitOfWork<PlacementDbContext> work, ServiceIdentity self)
    : IConsumer<MissingEpisodeUpdated>
{
    public async Task Consume(ConsumeContext<MissingEpisodeUpdated> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        var episode = await MissingEpisodeOnRegister.FindAsync(db, m.EpisodeId, m.PlacementId, context.CancellationToken);
        if (episode.UpdatedAt is { } held && held >= m.UpdatedAt)
        {
            return;
        }

        episode.Description = m.Description;
        episode.PhotoReference = m.PhotoReference;
        episode.RiskAssessedLocations = [.. m.RiskAssessedLocations ?? []];
        episode.Associates = [.. m.Associates ?? []];
        episode.Phone = m.Phone;
        episode.RiskLevel = m.RiskLevel;
        episode.LastSeenAt = m.LastSeenAt;
        episode.UpdatedAt = m.UpdatedAt;
        await work.CommitAsync(context.CancellationToken);
    }
}

/// <summary>Host side: the child is back, and the return home interview is due. A return that overtakes its report is retried.</summary>
public sealed class ChildReturnedConsumer(PlacementDbContext db, UnitOfWork<PlacementDbContext> work, ServiceIdentity self)
    : IConsumer<ChildReturned>
{
    public async Task Consume(ConsumeContext<ChildReturned> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        var episode = await MissingEpisodeOnRegister.FindAsync(db, m.EpisodeId, m.PlacementId, context.CancellationToken);
        episode.ReturnedAt = m.ReturnedAt;
        episode.FoundWhere = m.FoundWhere;
        episode.FoundBy = m.FoundBy;
        episode.ReturnHomeInterviewDueBy = m.ReturnHomeInterviewDueBy;
        await work.CommitAsync(context.CancellationToken);
    }
}

/// <summary>Host side: the return home interview's outcome. One that overtakes the return is retried, so the return's clock is never missing under it.</summary>
public sealed class ReturnHomeInterviewRecordedConsumer(PlacementDbContext db, UnitOfWork<PlacementDbContext> work, ServiceIdentity self)
    : IConsumer<ReturnHomeInterviewRecorded>
{
    public async Task Consume(ConsumeContext<ReturnHomeInterviewRecorded> context)
    {
        var m = context.Message;
        MisroutedMessageException.ThrowIfNotFor(m, self);
        var episode = await MissingEpisodeOnRegister.FindAsync(db, m.EpisodeId, m.PlacementId, context.CancellationToken);
        if (episode.ReturnedAt is null)
        {
            throw new MissingEpisodeNotYetKnownException(m.EpisodeId);
        }

        // An offer arriving after the interview was done must not reopen the clock.
        if (MissingClocks.ReturnHomeInterviewAnswered(episode.ReturnHomeInterviewOutcome) && !MissingClocks.ReturnHomeInterviewAnswered(m.Outcome))
        {
            return;
        }

        episode.ReturnHomeInterviewOutcome = m.Outcome;
        episode.ReturnHomeInterviewBy = m.By;
        episode.ReturnHomeInterviewIndependent = m.Independent;
        episode.ReturnHomeInterviewAt = m.At;
        await work.CommitAsync(context.CancellationToken);
    }
}

internal static class MissingEpisodeOnRegister
{
    public static async Task<RegisterMissingEpisode> FindAsync(PlacementDbContext db, Guid episodeId, Guid placementId, CancellationToken ct) =>
        await db.RegisterMissing.FirstOrDefaultAsync(e => e.EpisodeId == episodeId && e.PlacementId == placementId, ct)
        ?? throw new MissingEpisodeNotYetKnownException(episodeId);
}

/// <summary>Thrown so the message is retried: it overtook the report (or return) it follows.</summary>
public sealed class MissingEpisodeNotYetKnownException(Guid episodeId)
    : Exception($"Missing episode {episodeId} is not in the register yet (or not yet returned); an earlier message has not arrived.");

public sealed class MissingEpisodeReportedConsumerDefinition : InboxConsumerDefinition<MissingEpisodeReportedConsumer>;

public sealed class MissingEpisodeUpdatedConsumerDefinition : InboxConsumerDefinition<MissingEpisodeUpdatedConsumer>;

public sealed class ChildReturnedConsumerDefinition : InboxConsumerDefinition<ChildReturnedConsumer>;

public sealed class ReturnHomeInterviewRecordedConsumerDefinition : InboxConsumerDefinition<ReturnHomeInterviewRecordedConsumer>;
