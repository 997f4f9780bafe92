using Npgsql;
using Ticketing.Hosting;

namespace Ticketing.Tests.Unit;

public sealed class PostgresPoolTests
{
    [Fact]
    public void ConnectionStringWithoutAPoolSizeIsHeldToTheProductDefault()
    {
        var bounded = PostgresStorage.WithPoolDefaults("Host=127.0.0.1;Port=5432;Username=postgres;Database=ticketing");

        var builder = new NpgsqlConnectionStringBuilder(bounded);
        Assert.Equal((PostgresStorage.DefaultMaxPoolSize, "ticketing"), (builder.MaxPoolSize, builder.Database));
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=80")]
    [InlineData("Host=db;MaxPoolSize=80")]
    public void PoolSizeTheOperatorChoseIsKept(string connectionString)
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults(connectionString));

        Assert.Equal(80, kept.MaxPoolSize);
    }

    [Fact]
    public void PooledConnectionsAreNotResetBeforeEveryCommand()
    {
        var pooled = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults("Host=db"));

        Assert.True(pooled.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    public void ResetTheOperatorAskedForIsKept(string connectionString)
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults(connectionString));

        Assert.False(kept.NoResetOnClose);
    }

    [Fact]
    public void RepeatedStatementsArePreparedOncePerConnection()
    {
        var pooled = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults("Host=db"));

        Assert.Equal(PostgresStorage.DefaultMaxAutoPrepare, pooled.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    public void PreparationTheOperatorTurnedOffStaysOff(string connectionString)
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults(connectionString));

        Assert.Equal(0, kept.MaxAutoPrepare);
    }

    [Fact]
    public void StatementsOfConcurrentCallersShareThePoolsConnections()
    {
        var pooled = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults("Host=db"));

        Assert.True(pooled.Multiplexing);
    }

    [Fact]
    public void MultiplexingTheOperatorTurnedOffStaysOff()
    {
        var kept = new NpgsqlConnectionStringBuilder(PostgresStorage.WithPoolDefaults("Host=db;Multiplexing=false"));

        Assert.False(kept.Multiplexing);
    }
}
