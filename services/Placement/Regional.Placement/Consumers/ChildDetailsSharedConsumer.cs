using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;

namespace Regional.Placement.Consumers;

/// <summary>
/// Host side: the placing authority shared details about its child for one purpose. They replace
/// what the register held for that purpose. If the share overtakes the placement notice, the
/// entry is not there yet: the message is retried until it is.
/// </summary>
public sealed class ChildDetailsSharedConsumer(PlacementDbContext db, UnitOfWork<PlacementDbContext> work, ServiceIdentity self)
    : IConsumer<ChildDetailsShared>
{
    public async Task Consume(ConsumeContext<ChildDetailsShared> context)
    {
        var shared = context.Message;
        MisroutedMessageException.ThrowIfNotFor(shared, self);
        var entry = await db.Register.FirstOrDefaultAsync(e => e.PlacementId == shared.PlacementId, context.CancellationToken)
            ?? throw new RegisterEntryNotYetKnownException(shared.PlacementId);
        if (entry.PlacingAuthority != shared.From)
        {
            throw new MisroutedMessageException($"Placement {shared.PlacementId} is held for another placing authority.");
        }

        switch (shared.Purpose)
        {
            case "health" when shared.Health is { } health:
                entry.Health = new HealthRecord { Conditions = health.Conditions, Medication = health.Medication, Allergies = health.Allergies };
                break;
            case "exploitation" when shared.ExploitationRisks is { } risks:
                entry.ExploitationRisks = risks;
                break;
        }

        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class RegisterEntryNotYetKnownException(Guid placementId)
    : Exception($"Placement {placementId} is not in the register yet; its notice has not arrived.");

public sealed class ChildDetailsSharedConsumerDefinition : InboxConsumerDefinition<ChildDetailsSharedConsumer>;
