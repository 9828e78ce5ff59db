using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Roster.Directory.Resources;

namespace Roster.Storage.Sqlite;

/// <summary>
/// SQLite's storage of the provider-agnostic model: GUIDs as big-endian 16-byte blobs and times
/// as <see cref="ScimDateTime"/> text, whose text order is time order (EF's default text form
/// has a variable-length fraction and an offset, which does not sort).
/// </summary>
public sealed class SqliteModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<Guid, byte[]> GuidToBlob = new(
        value => GuidBytes.ToBytes(value),
        bytes => GuidBytes.FromBytes(bytes));

    private static readonly ValueConverter<DateTimeOffset, string> TimeToText = new(
        value => ScimDateTime.ToText(value),
        text => ScimDateTime.FromText(text));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(Guid))
                {
                    property.SetValueConverter(GuidToBlob);
                }
                else if (type == typeof(DateTimeOffset))
                {
                    property.SetValueConverter(TimeToText);
                }
            }
        }
    }
}
