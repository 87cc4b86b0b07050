using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Regional.Region;

/// <summary>
/// Refuses to start a service on a region definition that would misroute messages:
/// duplicate or malformed ids become queue names and route segments, and a force that
/// covers an unknown authority would send alerts nowhere.
/// </summary>
public sealed partial class RegionOptionsValidator : IValidateOptions<RegionOptions>
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex ReferencePrefix();

    public ValidateOptionsResult Validate(string? name, RegionOptions options)
    {
        var errors = new List<string>();

        if (options.Authorities.Count == 0)
        {
            errors.Add("Region:Authorities must list at least one authority.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Authorities.Count; i++)
        {
            var authority = options.Authorities[i];
            CheckId($"Region:Authorities:{i}:Id", authority.Id, ids, errors);
            if (string.IsNullOrWhiteSpace(authority.Name))
            {
                errors.Add($"Region:Authorities:{i}:Name is required.");
            }
        }

        var authorityIds = options.Authorities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.PoliceForces.Count; i++)
        {
            var force = options.PoliceForces[i];
            CheckId($"Region:PoliceForces:{i}:Id", force.Id, ids, errors);
            if (string.IsNullOrWhiteSpace(force.Name))
            {
                errors.Add($"Region:PoliceForces:{i}:Name is required.");
            }

            if (force.Covers.Count == 0)
            {
                errors.Add($"Region:PoliceForces:{i}:Covers must list the authorities the force covers.");
            }

            foreach (var covered in force.Covers)
            {
                if (!authorityIds.Contains(covered))
                {
                    errors.Add($"Region:PoliceForces:{i}:Covers names '{covered}', which is not an authority of the region.");
                }
                else if (!coveredBy.TryAdd(covered, force.Id))
                {
                    errors.Add($"Region:PoliceForces:{i}:Covers names '{covered}', already covered by '{coveredBy[covered]}'.");
                }
            }
        }

        var prefixes = options.PoliceForces.Where(f => !string.IsNullOrEmpty(f.ReferencePrefix)).GroupBy(f => f.ReferencePrefix, StringComparer.Ordinal);
        foreach (var shared in prefixes.Where(g => g.Count() > 1))
        {
            errors.Add($"Region:PoliceForces: ReferencePrefix '{shared.Key}' is used by {string.Join(" and ", shared.Select(f => f.Id))}; each force's references must be its own.");
        }

        for (var i = 0; i < options.PoliceForces.Count; i++)
        {
            if (!ReferencePrefix().IsMatch(options.PoliceForces[i].ReferencePrefix))
            {
                errors.Add($"Region:PoliceForces:{i}:ReferencePrefix must be 2 to 4 capital letters (it starts the force's alert references).");
            }
        }

        foreach (var (kind, deadline) in options.AlertDeadlines)
        {
            if (deadline <= TimeSpan.Zero || deadline > TimeSpan.FromDays(30))
            {
                errors.Add($"Region:AlertDeadlines:{kind} must be more than zero and at most 30 days.");
            }
        }

        var levels = options.ServiceLevels;
        if (levels.AcknowledgementWorkingDays is < 1 or > 20)
        {
            errors.Add("Region:ServiceLevels:AcknowledgementWorkingDays must be between 1 and 20.");
        }

        if (levels.EmergencyNoticeWorkingDays is < 0 or > 20)
        {
            errors.Add("Region:ServiceLevels:EmergencyNoticeWorkingDays must be between 0 and 20.");
        }

        if (levels.EndOfPlacementNoticeWorkingDays is < 0 or > 40)
        {
            errors.Add("Region:ServiceLevels:EndOfPlacementNoticeWorkingDays must be between 0 and 40.");
        }

        var duplicateHoliday = options.BankHolidays.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1);
        if (duplicateHoliday is not null)
        {
            errors.Add($"Region:BankHolidays lists {duplicateHoliday.Key:yyyy-MM-dd} twice.");
        }

        if (options.BankHolidays.Any(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            errors.Add("Region:BankHolidays must be weekdays (a substitute day is the holiday, not the weekend date).");
        }

        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (options.Services.Count == 0)
        {
            errors.Add("Region:Services must list the per-authority services and the resources each owns.");
        }

        for (var i = 0; i < options.Services.Count; i++)
        {
            var service = options.Services[i];
            CheckId($"Region:Services:{i}:Name", service.Name, names, errors);
            if (service.Resources.Count == 0)
            {
                errors.Add($"Region:Services:{i}:Resources must list the resources the service owns.");
            }

            foreach (var resource in service.Resources)
            {
                if (!owners.TryAdd(resource, service.Name))
                {
                    errors.Add($"Region:Services:{i}:Resources names '{resource}', already owned by '{owners[resource]}'.");
                }
            }

            foreach (var (path, bytes) in service.BodyLimits)
            {
                if (!service.Resources.Contains(path.Split('/')[0]))
                {
                    errors.Add($"Region:Services:{i}:BodyLimits names '{path}', which is not under a resource of '{service.Name}'.");
                }

                if (bytes is < 1024 or > 64 * 1024 * 1024)
                {
                    errors.Add($"Region:Services:{i}:BodyLimits:{path} must be between 1 KB and 64 MB.");
                }
            }
        }

        if (!TryFindZone(options.TimeZone))
        {
            errors.Add($"Region:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckId(string key, string id, HashSet<string> seen, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add($"{key} is required.");
        }
        else if (!Slug().IsMatch(id) || id.Length > 40)
        {
            errors.Add($"{key} '{id}' must be lower-case words joined by hyphens (it names queues and routes).");
        }
        else if (!seen.Add(id))
        {
            errors.Add($"{key} '{id}' is used twice.");
        }
    }

    private static bool TryFindZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
