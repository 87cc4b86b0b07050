using Regional.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddIdentityService();
var app = builder.Build();
app.MapIdentityService();
app.Run();
