using Ticketing.Hosting;

// A silo host: the grains live here when the gateway runs as a client (Ticketing:Cluster:Mode=Client).
var builder = WebApplication.CreateBuilder(args);
builder.UseOrleans(silo => silo.AddTicketingSilo(builder.Configuration));
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/healthz");
await app.RunAsync();
