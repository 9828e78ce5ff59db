using Npgsql;
using Roster.Storage.Postgres;

namespace Roster.Directory.Tests.Database;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void Automatic_preparation_is_on_by_default()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.From("Host=db;Database=roster;Username=roster"));

        Assert.Equal(PostgresConnectionStrings.DefaultMaxAutoPrepare, builder.MaxAutoPrepare);
        Assert.Equal("db", builder.Host);
        Assert.Equal("roster", builder.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=5", 5)]
    public void The_operators_choice_of_automatic_preparation_is_kept(string connectionString, int expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.From(connectionString));

        Assert.Equal(expected, builder.MaxAutoPrepare);
    }

    [Fact]
    public void A_pooled_connection_is_not_reset_by_default()
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.From("Host=db;Database=roster;Username=roster"));

        Assert.True(builder.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;noresetonclose=False")]
    public void The_operators_choice_of_resetting_pooled_connections_is_kept(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.From(connectionString));

        Assert.False(builder.NoResetOnClose);
    }
}
