using System.Reflection;
using Regional.Contracts;
using Regional.Contracts.Consent.V1;
using Regional.Contracts.Placements.V1;
using Regional.Contracts.Referrals.V1;
using Regional.Region;

namespace Regional.Messaging;

public enum RecipientKind
{
    Authority,
    PoliceForce,
}

/// <summary>
/// The one place that decides whether a message may cross a border to a recipient: each
/// recipient type gets only the message kinds it needs. A contract not listed here cannot
/// leave a service at all, so adding a message forces a decision about who may receive it.
/// </summary>
public sealed class SharingPolicy(RegionDirectory region)
{
    private static readonly Dictionary<Type, RecipientKind[]> Allowed = new()
    {
        [typeof(PlacementNotice)] = [RecipientKind.Authority],
        [typeof(PlacementEndNotice)] = [RecipientKind.Authority],
        [typeof(NoticeReceived)] = [RecipientKind.Authority],
        [typeof(NoticeAcknowledged)] = [RecipientKind.Authority],
        [typeof(CrossBorderConcernRaised)] = [RecipientKind.Authority],
        [typeof(ReciprocalReviewHeld)] = [RecipientKind.Authority],
        [typeof(CaseClosureProposed)] = [RecipientKind.Authority],
        [typeof(ReciprocalCaseClosed)] = [RecipientKind.Authority],
    };

    /// <summary>
    /// The only messages that stay inside one authority: its placement service telling its own
    /// referral service who is in its register. They may go nowhere else, and nothing else may
    /// be addressed to its own sender, so a register can never leak across a border this way.
    /// </summary>
    private static readonly HashSet<Type> WithinAuthorityOnly =
    [
        typeof(IncomingChildRegistered),
        typeof(IncomingChildEnded),
        typeof(LawfulBasisRecorded),
    ];

    /// <summary>Throws <see cref="SharingRefusedException"/> unless the message may go from <paramref name="sender"/> to its recipient.</summary>
    public void EnsureMaySend(IAddressedMessage message, string sender)
    {
        var type = message.GetType();
        if (message.From != sender)
        {
            throw new SharingRefusedException($"{type.Name} claims to be from '{message.From}' but this service is '{sender}'.");
        }

        if (WithinAuthorityOnly.Contains(type))
        {
            if (message.To != sender)
            {
                throw new SharingRefusedException($"{type.Name} stays within its authority; it may not go to '{message.To}'.");
            }

            return;
        }

        if (message.To == sender)
        {
            throw new SharingRefusedException($"{type.Name} is addressed to its own sender '{sender}'.");
        }

        RecipientKind kind;
        if (region.IsAuthority(message.To))
        {
            kind = RecipientKind.Authority;
        }
        else if (region.IsPoliceForce(message.To))
        {
            kind = RecipientKind.PoliceForce;
        }
        else
        {
            throw new SharingRefusedException($"{type.Name} is addressed to '{message.To}', which is not a participant of the region.");
        }

        if (!Allowed.TryGetValue(type, out var kinds) || !kinds.Contains(kind))
        {
            throw new SharingRefusedException($"{type.Name} may not be shared with a recipient of kind {kind}.");
        }

        if (type.GetCustomAttribute<DeliveredToAttribute>() is null)
        {
            throw new SharingRefusedException($"{type.Name} does not say which service receives it.");
        }
    }
}

public sealed class SharingRefusedException(string message) : Exception(message);
