using Regional.Contracts.Alerts.V1;
using Regional.Messaging;

namespace Regional.Referral.Domain;

/// <summary>
/// An intelligence report about a person, place or vehicle of concern, kept by the authority that
/// made it and sent, as it is recorded, to the force covering the place.
/// </summary>
public sealed class IntelligenceReport : Aggregate
{
    public static readonly IReadOnlyList<string> Subjects = ["person", "place", "vehicle"];

    public Guid Id { get; set; }

    public required string Subject { get; set; }

    public required string Area { get; set; }

    public required string Force { get; set; }

    public required string Description { get; set; }

    public string? Address { get; set; }

    public string? VehicleRegistration { get; set; }

    public string? Association { get; set; }

    public DateTimeOffset? ObservedAt { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public string? ReportedBy { get; set; }

    public static IntelligenceReport Record(
        string authority, string subject, string area, string force, string description, string? address, string? vehicle, string? association,
        DateTimeOffset? observedAt, string? reportedBy, DateTimeOffset now)
    {
        var report = new IntelligenceReport
        {
            Id = Guid.CreateVersion7(now),
            Subject = subject,
            Area = area,
            Force = force,
            Description = description,
            Address = address,
            VehicleRegistration = vehicle,
            Association = association,
            ObservedAt = observedAt,
            ReportedAt = now,
            ReportedBy = reportedBy,
        };
        report.Send(new PersonOrPlaceOfConcernAlert(
            MassTransit.NewId.NextSequentialGuid(), authority, force, report.Id, subject, area, description, address, vehicle, association, observedAt, now));
        return report;
    }
}
