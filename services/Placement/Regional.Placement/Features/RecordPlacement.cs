using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Regional.Contracts.Monitoring.V1;
using Regional.Contracts.Placements.V1;
using Regional.Messaging;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Region;
using Regional.ServiceDefaults;

namespace Regional.Placement.Features;

internal static partial class RecordPlacementValidator
{
    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$", RegexOptions.IgnoreCase)]
    private static partial Regex UkPostcode();

    public static ValidationErrors Validate(RecordPlacementRequest request, string self, RegionDirectory region, DateOnly today) =>
        Validate(request, self, region, today, new ValidationErrors());

    /// <summary>Adds this request's errors to <paramref name="errors"/> (which may prefix field names, for a batch).</summary>
    public static ValidationErrors Validate(RecordPlacementRequest request, string self, RegionDirectory region, DateOnly today, ValidationErrors errors)
    {
        var child = request.Child;
        if (child is null)
        {
            errors.Add("child", "is required.");
        }
        else
        {
            errors.Required("child.localId", child.LocalId, 50);
            errors.Required("child.givenName", child.GivenName, 100);
            errors.Required("child.familyName", child.FamilyName, 100);
            errors.MaxLength("child.ethnicity", child.Ethnicity, 100);
            if (child.DateOfBirth is not { } dob)
            {
                errors.Add("child.dateOfBirth", "is required.");
            }
            else if (dob > today)
            {
                errors.Add("child.dateOfBirth", "cannot be in the future.");
            }
            else if (request.StartDate is { } start && dob > start)
            {
                errors.Add("child.dateOfBirth", "cannot be after the placement's start date.");
            }
            else if (request.StartDate is { } started && dob.AddYears(18) <= started)
            {
                errors.Add("child.dateOfBirth", "makes the child 18 or over at the start of the placement; a looked-after child is under 18.");
            }

            if (child.NhsNumber is not null && NhsNumber.Normalise(child.NhsNumber) is null)
            {
                errors.Add("child.nhsNumber", "is not a valid NHS number (10 digits with a correct check digit).");
            }

            if (string.IsNullOrWhiteSpace(child.Gender))
            {
                errors.Add("child.gender", "is required.");
            }
            else if (!Vocabulary.Genders.Contains(child.Gender))
            {
                errors.Add("child.gender", $"must be one of: {string.Join(", ", Vocabulary.Genders)}.");
            }
        }

        if (string.IsNullOrWhiteSpace(request.LegalStatus))
        {
            errors.Add("legalStatus", "is required.");
        }
        else if (!Vocabulary.LegalStatuses.Contains(request.LegalStatus))
        {
            errors.Add("legalStatus", $"must be an SSDA903 legal status code: {string.Join(", ", Vocabulary.LegalStatuses)}.");
        }

        if (string.IsNullOrWhiteSpace(request.PlacementType))
        {
            errors.Add("placementType", "is required.");
        }
        else if (!Vocabulary.PlacementTypes.Contains(request.PlacementType))
        {
            errors.Add("placementType", $"must be one of: {string.Join(", ", Vocabulary.PlacementTypes)}.");
        }

        if (request.StartDate is not { } startDate)
        {
            errors.Add("startDate", "is required.");
        }
        else if (startDate < today.AddYears(-5) || startDate > today.AddYears(1))
        {
            errors.Add("startDate", "must be within the last 5 years or the next year.");
        }

        var address = request.Address;
        if (address is null)
        {
            errors.Add("address", "is required.");
        }
        else
        {
            errors.Required("address.line1", address.Line1, 200);
            errors.MaxLength("address.line2", address.Line2, 200);
            errors.Required("address.town", address.Town, 100);
            if (string.IsNullOrWhiteSpace(address.Postcode))
            {
                errors.Add("address.postcode", "is required.");
            }
            else if (!UkPostcode().IsMatch(address.Postcode.Trim()))
            {
                errors.Add("address.postcode", "is not a UK postcode.");
            }
        }

        if (string.IsNullOrWhiteSpace(request.HostAuthority))
        {
            errors.Add("hostAuthority", "is required.");
        }
        else if (!region.IsAuthority(request.HostAuthority))
        {
            errors.Add("hostAuthority", $"'{request.HostAuthority}' is not an authority of the region: {string.Join(", ", region.Authorities.Select(a => a.Id))}.");
        }
        else if (request.HostAuthority == self)
        {
            errors.Add("hostAuthority", "is this authority; only placements in another authority's area are notified.");
        }

        if (request.Health is { } health)
        {
            errors.MaxLength("health.conditions", health.Conditions, 2000);
            errors.MaxLength("health.medication", health.Medication, 2000);
            errors.MaxLength("health.allergies", health.Allergies, 2000);
        }

        errors.MaxLength("exploitationRisks", request.ExploitationRisks, 4000);

        if (request.IsEmergency is null)
        {
            errors.Add("isEmergency", "is required.");
        }
        else if (request.StartDate is { } start && start >= today.AddYears(-5) && start <= today.AddYears(1))
        {
            Domain.Placement.CheckStart(start, request.IsEmergency.Value, today, errors);
        }

        return errors;
    }
}

/// <summary>
/// Records a placement in another authority's area and, in the same transaction, queues the
/// notice to the host and the monitoring event. Either all of it is stored or none.
/// </summary>
internal static class RecordPlacementHandler
{
    public static async Task<Results<Created<PlacementView>, ProblemHttpResult>> Handle(
        RecordPlacementRequest request,
        PlacementDbContext db,
        UnitOfWork<PlacementDbContext> work,
        CrossBorderOutbox outbox,
        ServiceIdentity self,
        RegionDirectory region,
        StatutoryClocks clocks,
        TimeProvider clock,
        PlacementMetrics metrics,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = RecordPlacementValidator.Validate(request, self.Authority, region, clocks.Today(now));
        if (errors.Any)
        {
            return Problems.Unprocessable(errors.ToDictionary());
        }

        var placement = Record(request, db, outbox, self, clocks, now);
        await work.CommitAsync(cancellationToken);
        metrics.NoticeQueued(NotificationKind.PlacementStart, placement.HostAuthority);

        return TypedResults.Created($"/{self.Authority}/placements/{placement.Id}", PlacementView.From(placement));
    }

    /// <summary>Adds a validated placement, its notification and its messages to the unit of work.</summary>
    internal static Domain.Placement Record(
        RecordPlacementRequest request, PlacementDbContext db, CrossBorderOutbox outbox, ServiceIdentity self, StatutoryClocks clocks, DateTimeOffset now)
    {
        var c = request.Child!;
        var a = request.Address!;
        var placement = new Domain.Placement
        {
            Id = Guid.CreateVersion7(now),
            HostAuthority = request.HostAuthority!,
            Child = new ChildRecord
            {
                LocalId = c.LocalId!.Trim(),
                GivenName = c.GivenName!.Trim(),
                FamilyName = c.FamilyName!.Trim(),
                DateOfBirth = c.DateOfBirth!.Value,
                NhsNumber = c.NhsNumber is null ? null : NhsNumber.Normalise(c.NhsNumber),
                Gender = c.Gender!,
                Ethnicity = c.Ethnicity?.Trim(),
            },
            LegalStatus = request.LegalStatus!,
            PlacementType = request.PlacementType!,
            StartDate = request.StartDate!.Value,
            Address = new AddressRecord
            {
                Line1 = a.Line1!.Trim(),
                Line2 = a.Line2?.Trim(),
                Town = a.Town!.Trim(),
                Postcode = a.Postcode!.Trim().ToUpperInvariant(),
            },
            IsEmergency = request.IsEmergency!.Value,
            Health = request.Health is { } h ? new HealthRecord { Conditions = h.Conditions?.Trim(), Medication = h.Medication?.Trim(), Allergies = h.Allergies?.Trim() } : null,
            ExploitationRisks = request.ExploitationRisks?.Trim(),
            RecordedAt = now,
        };

        var dueBy = clocks.PlacementNoticeDueBy(placement.StartDate, placement.IsEmergency);
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(now),
            PlacementId = placement.Id,
            Kind = NotificationKind.PlacementStart,
            To = placement.HostAuthority,
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            AcknowledgeBy = clocks.AcknowledgeBy(now),
            StatutoryDueBy = dueBy,
            GivenLate = clocks.IsLate(dueBy, now),
        };
        placement.Notifications.Add(notification);

        notification.OutboxMessageId = outbox.Send(db, new PlacementNotice(
            notification.Id,
            placement.Id,
            self.Authority,
            placement.HostAuthority,
            new ChildDetails(
                placement.Child.LocalId, placement.Child.GivenName, placement.Child.FamilyName, placement.Child.DateOfBirth,
                placement.Child.NhsNumber, placement.Child.Gender, placement.Child.Ethnicity),
            placement.LegalStatus,
            placement.PlacementType,
            placement.StartDate,
            new PlacementAddress(placement.Address.Line1, placement.Address.Line2, placement.Address.Town, placement.Address.Postcode),
            placement.IsEmergency,
            dueBy,
            now,
            notification.AcknowledgeBy,
            // The sharing rules let these go only on a basis recorded for the child; otherwise they are removed.
            placement.Health is { } health ? new HealthDetails(health.Conditions, health.Medication, health.Allergies) : null,
            placement.ExploitationRisks));
        outbox.Publish(db, new CrossBorderStepRecorded(notification.Id, StepKinds.PlacementNoticeSent, self.Authority, placement.HostAuthority, now));

        db.Placements.Add(placement);
        return placement;
    }
}
