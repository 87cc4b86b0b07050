namespace Regional.ServiceDefaults;

/// <summary>
/// NHS number: ten digits, the last a modulus 11 check digit over the first nine weighted
/// 10 down to 2. A remainder giving 10 means the number was never issued.
/// </summary>
public static class NhsNumber
{
    /// <summary>Digits only, spaces removed, or null when the value cannot be an NHS number.</summary>
    public static string? Normalise(string value)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) && HasValidCheckDigit(digits) ? digits : null;
    }

    private static bool HasValidCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }
}
