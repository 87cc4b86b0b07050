using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Alerts.Features;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.Region;

namespace Regional.Alerts.Consumers;

/// <summary>
/// An alert arriving on a force's queue (<c>{force}.alerts</c>) goes into that force's inbox, with its
/// deadline, and is queued for push when the force has a subscription, in one commit. It is stored
/// as it came: the sender's sharing rule has already cut what the force may not have. The inbox skips
/// a redelivery; the alert id as key makes a second copy harmless even past the inbox's retention.
/// </summary>
public abstract class AlertConsumer<TAlert>(AlertsDbContext db, UnitOfWork<AlertsDbContext> work, RegionDirectory region, TimeProvider clock)
    : IConsumer<TAlert>
    where TAlert : class, IPoliceAlert
{
    protected abstract string Kind { get; }

    public async Task Consume(ConsumeContext<TAlert> context)
    {
        var message = context.Message;
        EnsureOnItsForcesQueue(message, context.ReceiveContext.InputAddress, region);
        if (await db.Alerts.AnyAsync(a => a.Id == message.AlertId, context.CancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var alert = PoliceAlert.Receive(message, Kind, JsonSerializer.Serialize(message, AlertJson.Options), region.AlertDeadline(Kind), now);
        db.Alerts.Add(alert);
        await PushQueue.AddAsync(db, alert, now, context.CancellationToken);
        await work.CommitAsync(context.CancellationToken);
    }

    /// <summary>An alert for one force on another force's queue would land in the wrong inbox: never store it.</summary>
    private static void EnsureOnItsForcesQueue(TAlert message, Uri? queue, RegionDirectory region)
    {
        if (!region.IsPoliceForce(message.To))
        {
            throw new MisroutedMessageException($"{typeof(TAlert).Name} is addressed to '{message.To}', which is not a police force of the region.");
        }

        var expected = ServiceIdentity.QueueFor(message.To, AlertsService.Name);
        if (queue is null || !queue.AbsolutePath.EndsWith("/" + expected, StringComparison.Ordinal))
        {
            throw new MisroutedMessageException($"{typeof(TAlert).Name} addressed to '{message.To}' reached '{queue?.AbsolutePath}'.");
        }
    }
}

public sealed class MissingFromPlacementAlertConsumer(AlertsDbContext db, UnitOfWork<AlertsDbContext> work, RegionDirectory region, TimeProvider clock)
    : AlertConsumer<MissingFromPlacementAlert>(db, work, region, clock)
{
    protected override string Kind => AlertKinds.MissingFromPlacement;
}

public sealed class ChildFoundAlertConsumer(AlertsDbContext db, UnitOfWork<AlertsDbContext> work, RegionDirectory region, TimeProvider clock)
    : AlertConsumer<ChildFoundAlert>(db, work, region, clock)
{
    protected override string Kind => AlertKinds.Found;
}

public sealed class HighRiskEscalationAlertConsumer(AlertsDbContext db, UnitOfWork<AlertsDbContext> work, RegionDirectory region, TimeProvider clock)
    : AlertConsumer<HighRiskEscalationAlert>(db, work, region, clock)
{
    protected override string Kind => AlertKinds.HighRiskEscalation;
}

public sealed class PersonOrPlaceOfConcernAlertConsumer(AlertsDbContext db, UnitOfWork<AlertsDbContext> work, RegionDirectory region, TimeProvider clock)
    : AlertConsumer<PersonOrPlaceOfConcernAlert>(db, work, region, clock)
{
    protected override string Kind => AlertKinds.PersonOrPlaceOfConcern;
}

public sealed class MissingFromPlacementAlertConsumerDefinition : InboxConsumerDefinition<MissingFromPlacementAlertConsumer>;

public sealed class ChildFoundAlertConsumerDefinition : InboxConsumerDefinition<ChildFoundAlertConsumer>;

public sealed class HighRiskEscalationAlertConsumerDefinition : InboxConsumerDefinition<HighRiskEscalationAlertConsumer>;

public sealed class PersonOrPlaceOfConcernAlertConsumerDefinition : InboxConsumerDefinition<PersonOrPlaceOfConcernAlertConsumer>;
