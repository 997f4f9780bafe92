using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ticketing.Common;
using Ticketing.Integration;
using Ticketing.Orders;
using Ticketing.Payments;

namespace Ticketing.Hosting;

public static class TicketingGrainServices
{
    /// <summary>What the grains need from the silo's container: options, the clock, and the card processor.</summary>
    public static IServiceCollection AddTicketingGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section));
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.Section));
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DurableDeadline>();
        services.TryAddSingleton<IIntegrationEventPublisher, InClusterIntegrationEventPublisher>();
        services.AddSingleton<OutboxRelay>();

        if (string.IsNullOrWhiteSpace(configuration[$"{StripeOptions.Section}:SecretKey"]))
        {
            services.TryAddSingleton<IPaymentProcessor, TestPaymentProcessor>();
        }
        else
        {
            services.TryAddSingleton<IPaymentProcessor, StripePaymentProcessor>();
        }

        return services;
    }

    /// <summary>
    /// In memory a clean-up write is a copy and memory is what runs out, so delivered events are written away
    /// after <see cref="OutboxOptions.InMemoryCleanUpAfter"/> and waiting grains rest that soon; configuration
    /// (<c>Ticketing:Outbox:CleanUpAfter</c>) still wins. Register before <see cref="AddTicketingGrainServices"/>.
    /// </summary>
    public static IServiceCollection AddInMemoryOutboxCleanUp(this IServiceCollection services) =>
        services.Configure<OutboxOptions>(o => o.CleanUpAfter = OutboxOptions.InMemoryCleanUpAfter);
}
