using MassTransit;
using Microsoft.EntityFrameworkCore;
using Regional.Contracts.Referrals.V1;
using Regional.Messaging;
using Regional.Referral.Data;
using Regional.Referral.Domain;

namespace Regional.Referral.Consumers;

/// <summary>
/// Our own placement service tells us a child placed here by another authority entered the
/// register. Only our own authority may tell us this; a repeat changes nothing.
/// </summary>
public sealed class IncomingChildRegisteredConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self)
    : IConsumer<IncomingChildRegistered>
{
    public async Task Consume(ConsumeContext<IncomingChildRegistered> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);
        if (message.From != self.Authority)
        {
            throw new MisroutedMessageException($"Only {self.Authority}'s own placement service can change its register.");
        }


        var child = await db.IncomingChildren.FirstOrDefaultAsync(c => c.PlacementId == message.PlacementId, context.CancellationToken);
        if (child is null)
        {
            db.IncomingChildren.Add(new IncomingChild
            {
                PlacementId = message.PlacementId,
                PlacingAuthority = message.PlacingAuthority,
                LocalId = message.Child.LocalId,
                GivenName = message.Child.GivenName,
                FamilyName = message.Child.FamilyName,
                DateOfBirth = message.Child.DateOfBirth,
                NhsNumber = message.Child.NhsNumber,
                Gender = message.Child.Gender,
                Ethnicity = message.Child.Ethnicity,
                StartDate = message.StartDate,
                RegisteredAt = message.RegisteredAt,
            });
        }

        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class IncomingChildRegisteredConsumerDefinition : InboxConsumerDefinition<IncomingChildRegisteredConsumer>;

/// <summary>A placement in our area ended: the child is no longer matched from the day after it ended.</summary>
public sealed class IncomingChildEndedConsumer(ReferralDbContext db, UnitOfWork<ReferralDbContext> work, ServiceIdentity self) : IConsumer<IncomingChildEnded>
{
    public async Task Consume(ConsumeContext<IncomingChildEnded> context)
    {
        var message = context.Message;
        MisroutedMessageException.ThrowIfNotFor(message, self);
        if (message.From != self.Authority)
        {
            throw new MisroutedMessageException($"Only {self.Authority}'s own placement service can change its register.");
        }

        // Idempotent by construction: setting the end date again changes nothing. Failing while the
        // start is still on its way lets the retry wait for it.
        var child = await db.IncomingChildren.FirstOrDefaultAsync(c => c.PlacementId == message.PlacementId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Placement {message.PlacementId} is not in the referral register yet.");
        child.EndDate = message.EndDate;
        await work.CommitAsync(context.CancellationToken);
    }
}

public sealed class IncomingChildEndedConsumerDefinition : RegionalConsumerDefinition<IncomingChildEndedConsumer>;
