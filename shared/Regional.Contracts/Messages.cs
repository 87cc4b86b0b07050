namespace Regional.Contracts;

/// <summary>
/// A message addressed to one participant of the region. It may carry a child's data, so it
/// is only ever <em>sent</em> to the recipient's own endpoint, never published.
/// </summary>
public interface IAddressedMessage
{
    /// <summary>The sending authority or force id.</summary>
    string From { get; }

    /// <summary>The receiving authority or force id.</summary>
    string To { get; }
}

/// <summary>
/// A metadata-only event for regional monitoring: kinds, participants and times, never a
/// child's identity. These are the only messages that may be published to every subscriber.
/// </summary>
public interface IMetadataEvent
{
    string From { get; }

    string To { get; }
}

/// <summary>
/// Names the services whose queues receive an addressed message at the recipient:
/// <c>{to}.{service}</c>. A message for several services of one recipient is queued once per service,
/// in the same unit of work, so none of them can miss it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DeliveredToAttribute(params string[] services) : Attribute
{
    public IReadOnlyList<string> Services { get; } = services;
}

/// <summary>
/// Who a message is for, relative to the child it is about. The sharing rules
/// (<c>deploy/sharing-rules.json</c>) are written per message kind and recipient type.
/// </summary>
public enum RecipientType
{
    /// <summary>Another service of the sender's own authority: nothing crosses a border.</summary>
    OwnAuthority,

    /// <summary>The authority in whose area the child is placed.</summary>
    HostAuthority,

    /// <summary>The authority responsible for the child (the data controller of its record).</summary>
    PlacingAuthority,

    PoliceForce,

    RegionalMonitor,
}

/// <summary>Declares the recipient types a contract is written for; a contract without it cannot be sent.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SharedWithAttribute(params RecipientType[] recipients) : Attribute
{
    public IReadOnlyList<RecipientType> Recipients { get; } = recipients;
}
