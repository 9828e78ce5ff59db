using Microsoft.Extensions.Options;

namespace Roster.Server.Console.Sso;

/// <summary>Hands a handler the options made for the request's connection, whatever name it asks for.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
