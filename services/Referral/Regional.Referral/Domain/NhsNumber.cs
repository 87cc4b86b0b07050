namespace Regional.Referral.Domain;

/// <summary>NHS number: ten digits, the last a modulus 11 check digit over the first nine weighted 10 down to 2.</summary>
internal static class NhsNumber
{
    /// <summary>Digits only, spaces removed, or null when the value cannot be an NHS number.</summary>
    public static string? Normalise(string value)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

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

        return check != 10 && check == digits[9] - '0' ? digits : null;
    }
}
