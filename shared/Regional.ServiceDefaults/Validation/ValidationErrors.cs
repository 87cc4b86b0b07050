namespace Regional.ServiceDefaults;

/// <summary>Collects field errors under the JSON names the caller used, for a 422 problem.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors;
    private readonly string _prefix;

    public ValidationErrors()
        : this(new Dictionary<string, List<string>>(StringComparer.Ordinal), "")
    {
    }

    private ValidationErrors(Dictionary<string, List<string>> errors, string prefix)
    {
        _errors = errors;
        _prefix = prefix;
    }

    /// <summary>A view that records into the same errors under <c>{prefix}.field</c>, for an item of a batch.</summary>
    public ValidationErrors Under(string prefix) => new(_errors, _prefix + prefix + ".");

    public bool Any => _errors.Count > 0;

    /// <summary>How many messages have been recorded, so a step can tell whether it added any.</summary>
    public int Count => _errors.Values.Sum(m => m.Count);

    public void Add(string field, string message)
    {
        field = _prefix + field;
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    /// <summary>Requires a non-blank value no longer than <paramref name="maxLength"/>.</summary>
    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
        }
        else
        {
            MaxLength(field, value, maxLength);
        }
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
