using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Regional.Consent.Data;
using Regional.Consent.Domain;
using Regional.Contracts.Consent.V1;
using Regional.Messaging;

namespace Regional.Consent.Consumers;

/// <summary>
/// An entry of "who saw what" about one of our children, from one of our own services or another
/// authority's: stored once, as it came. An entry about another authority's child is refused: this
/// is not where its answer lives, and it must not be kept here.
/// </summary>
public sealed partial class ChildDataAccessedConsumer(
    ConsentDbContext db,
    UnitOfWork<ConsentDbContext> work,
    ServiceIdentity self,
    TimeProvider clock,
    ILogger<ChildDataAccessedConsumer> logger) : IConsumer<ChildDataAccessed>
{
    public async Task Consume(ConsumeContext<ChildDataAccessed> context)
    {
        var message = context.Message;
        if (message.To != self.Authority)
        {
            // Who sent it and where it should have gone, never whose child it is.
            LogMisrouted(logger, message.From, message.To);
            MisroutedMessageException.ThrowIfNotFor(message, self);
        }

        // The inbox stops a redelivery of this message; this stops the same entry sent again under a new message id.
        if (await db.AccessLog.AnyAsync(e => e.EntryId == message.EntryId && e.From == message.From, context.CancellationToken))
        {
            // Only this message's receipt is committed.
            await work.CommitAsync(context.CancellationToken);
            return;
        }

        db.AccessLog.Add(AccessLogEntries.From(message, clock.GetUtcNow()));
        await work.CommitAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an access entry from {From} addressed to {To}: not one of our children")]
    private static partial void LogMisrouted(ILogger logger, string from, string to);
}

public sealed class ChildDataAccessedConsumerDefinition : InboxConsumerDefinition<ChildDataAccessedConsumer>;

/// <summary>Access notices batched by the sender (a list read showed many of our children): each entry stored once, as if sent alone.</summary>
public sealed partial class ChildDataAccessedBatchConsumer(
    ConsentDbContext db,
    UnitOfWork<ConsentDbContext> work,
    ServiceIdentity self,
    TimeProvider clock,
    ILogger<ChildDataAccessedBatchConsumer> logger) : IConsumer<ChildDataAccessedBatch>
{
    public async Task Consume(ConsumeContext<ChildDataAccessedBatch> context)
    {
        var batch = context.Message;
        if (batch.To != self.Authority || batch.Entries.Any(e => e.To != batch.To || e.From != batch.From))
        {
            LogMisrouted(logger, batch.From, batch.To);
            throw new MisroutedMessageException($"An access batch from '{batch.From}' for '{batch.To}' reached '{self.QueueName}'.");
        }

        var ids = batch.Entries.Select(e => e.EntryId).ToList();
        var known = (await db.AccessLog.Where(e => e.From == batch.From && ids.Contains(e.EntryId)).Select(e => e.EntryId).ToListAsync(context.CancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var entry in batch.Entries.Where(e => known.Add(e.EntryId)))
        {
            db.AccessLog.Add(AccessLogEntries.From(entry, now));
        }

        await work.CommitAsync(context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an access batch from {From} addressed to {To}: not for our children")]
    private static partial void LogMisrouted(ILogger logger, string from, string to);
}

public sealed class ChildDataAccessedBatchConsumerDefinition : InboxConsumerDefinition<ChildDataAccessedBatchConsumer>;

internal static class AccessLogEntries
{
    public static AccessLogEntry From(ChildDataAccessed message, DateTimeOffset receivedAt) => new()
    {
        EntryId = message.EntryId,
        From = message.From,
        Kind = message.Kind,
        ChildLocalId = message.ChildLocalId,
        What = message.What,
        Fields = [.. message.Fields ?? []],
        Counterpart = message.Counterpart,
        ActorRole = message.ActorRole,
        Basis = message.Basis,
        BasisReference = message.BasisReference,
        OccurredAt = message.OccurredAt.ToUniversalTime(),
        ReceivedAt = receivedAt,
        CorrelationId = message.CorrelationId,
    };
}
