using Regional.Messaging;
using Regional.ServiceDefaults;

namespace Regional.Placement.Domain;

/// <summary>A child in this authority's care, placed in another authority's area (the placing authority's record).</summary>
public sealed class Placement : IRevised
{
    public Guid Id { get; set; }

    public required string HostAuthority { get; set; }

    public required ChildRecord Child { get; set; }

    public required string LegalStatus { get; set; }

    public required string PlacementType { get; set; }

    public DateOnly StartDate { get; set; }

    public required AddressRecord Address { get; set; }

    public bool IsEmergency { get; set; }

    /// <summary>Goes to the host only while consent or an override for "health" holds (see deploy/sharing-rules.json).</summary>
    public HealthRecord? Health { get; set; }

    /// <summary>Known exploitation history; goes to the host only on a basis for "exploitation".</summary>
    public string? ExploitationRisks { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? EndReason { get; set; }

    public List<Notification> Notifications { get; set; } = [];

    /// <summary>Optimistic concurrency token: every change.</summary>
    public int Version { get; set; }

    /// <summary>The entity tag people see.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// An emergency placement is one made at once, its notice following within 5 working days:
    /// it has started by the time it is recorded. A planned one may lie ahead.
    /// </summary>
    public static void CheckStart(DateOnly startDate, bool isEmergency, DateOnly today, ValidationErrors errors)
    {
        if (isEmergency && startDate > today)
        {
            errors.Add("startDate", $"an emergency placement has already started; {startDate:yyyy-MM-dd} is in the future. Record a planned placement (isEmergency: false) for a future start.");
        }
    }
}

public sealed class ChildRecord
{
    public required string LocalId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string? NhsNumber { get; set; }

    public required string Gender { get; set; }

    public string? Ethnicity { get; set; }
}

public sealed class HealthRecord
{
    public string? Conditions { get; set; }

    public string? Medication { get; set; }

    public string? Allergies { get; set; }
}

public sealed class AddressRecord
{
    public required string Line1 { get; set; }

    public string? Line2 { get; set; }

    public required string Town { get; set; }

    public required string Postcode { get; set; }
}
