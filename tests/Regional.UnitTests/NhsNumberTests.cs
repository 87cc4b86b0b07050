using Regional.ServiceDefaults;
using Regional.Placement.Domain;

namespace Regional.UnitTests;

public sealed class When_an_nhs_number_is_checked
{
    [Theory]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("4010232137", "4010232137")]
    public void A_number_with_a_correct_check_digit_is_accepted_and_normalised(string input, string expected)
    {
        Assert.Equal(expected, NhsNumber.Normalise(input));
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")]  // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659A9")]
    [InlineData("")]
    [InlineData("1000000010")] // remainder gives 10: never issued
    public void Anything_else_is_refused(string input)
    {
        Assert.Null(NhsNumber.Normalise(input));
    }
}
