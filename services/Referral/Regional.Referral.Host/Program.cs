using Regional.Referral;

var builder = WebApplication.CreateBuilder(args);
builder.AddReferralService();

var app = builder.Build();
app.MapReferralService();
app.Run();
