using System.Reflection;
using Regional.Contracts;
using Regional.Region;

namespace Regional.Messaging;

/// <summary>Who a message goes to and under which rule, decided before anything is written.</summary>
public sealed record SharingDecision(MessageRule Rule, RecipientType RecipientType, RecipientRule Recipient);

/// <summary>
/// The one place that decides whether a message may leave a service for a recipient, from the
/// sharing rules: the recipient's type (its own authority, the child's host or placing authority,
/// a police force, the regional monitor) must have a rule for the message kind. A contract without
/// a rule cannot leave a service at all, so adding a message forces a decision about who may
/// receive which of its fields, and on what basis.
/// </summary>
public sealed class SharingPolicy(RegionDirectory region, SharingRules rules)
{
    public SharingPolicy(RegionDirectory region)
        : this(region, SharingRules.Default)
    {
    }

    public SharingRules Rules => rules;

    /// <summary>Throws <see cref="SharingRefusedException"/> unless the message may go from <paramref name="sender"/> to its recipient.</summary>
    public void EnsureMaySend(IAddressedMessage message, string sender) => Decide(message, sender);

    /// <summary>The rule an addressed message goes under; throws <see cref="SharingRefusedException"/> when none lets it go.</summary>
    public SharingDecision Decide(IAddressedMessage message, string sender)
    {
        var type = message.GetType();
        if (message.From != sender)
        {
            throw new SharingRefusedException($"{type.Name} claims to be from '{message.From}' but this service is '{sender}'.");
        }

        var rule = RuleFor(type);
        if (type.GetCustomAttribute<DeliveredToAttribute>() is not { Services.Count: > 0 })
        {
            throw new SharingRefusedException($"{type.Name} does not say which service receives it.");
        }

        RecipientType recipient;
        if (message.To == sender)
        {
            recipient = RecipientType.OwnAuthority;
        }
        else if (region.IsPoliceForce(message.To))
        {
            recipient = RecipientType.PoliceForce;
        }
        else if (region.IsAuthority(message.To))
        {
            // A message kind goes one way between authorities (the rules allow one of the two): the
            // host's register to the placing authority, or the placing authority's record to the host.
            recipient = rule.Recipients.ContainsKey(RecipientType.HostAuthority) ? RecipientType.HostAuthority : RecipientType.PlacingAuthority;
        }
        else
        {
            throw new SharingRefusedException($"{type.Name} is addressed to '{message.To}', which is not a participant of the region.");
        }

        if (!rule.Recipients.TryGetValue(recipient, out var recipientRule))
        {
            if (rule.Recipients.Count == 1 && rule.Recipients.ContainsKey(RecipientType.OwnAuthority))
            {
                throw new SharingRefusedException($"{type.Name} stays within its authority; it may not go to '{message.To}'.");
            }

            throw new SharingRefusedException(recipient == RecipientType.OwnAuthority
                ? $"{type.Name} is addressed to its own sender '{sender}' and its rule does not keep it within the authority."
                : $"{type.Name} may not be shared with a recipient of type {recipient}.");
        }

        return new SharingDecision(rule, recipient, recipientRule);
    }

    /// <summary>The rule a metadata event is published under (to the regional monitor).</summary>
    public SharingDecision DecidePublish(IMetadataEvent metadataEvent)
    {
        var rule = RuleFor(metadataEvent.GetType());
        return rule.Recipients.TryGetValue(RecipientType.RegionalMonitor, out var recipientRule)
            ? new SharingDecision(rule, RecipientType.RegionalMonitor, recipientRule)
            : throw new SharingRefusedException($"{metadataEvent.GetType().Name} has no rule for the regional monitor.");
    }

    private MessageRule RuleFor(Type type) =>
        rules.For(type) ?? throw new SharingRefusedException(
            $"{type.Name} has no sharing rule (deploy/sharing-rules.json): no message leaves a service without one.");
}

public sealed class SharingRefusedException(string message) : Exception(message);
