using Regional.Consent.Features;

namespace Regional.UnitTests;

public sealed class When_an_access_log_is_exported_as_csv
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    public void A_value_a_spreadsheet_would_run_is_kept_as_text(string value, string cell) =>
        Assert.Equal(cell, AccessLog.Field(value));

    [Theory]
    [InlineData("register-entry", "register-entry")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData(null, "")]
    public void Plain_and_quoted_values_are_written_as_rfc_4180_says(string? value, string cell) =>
        Assert.Equal(cell, AccessLog.Field(value));
}
