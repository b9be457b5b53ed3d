using System.Globalization;
using AiContagion.Model;

namespace AiContagion.Generators;

/// <summary>Entity ids shared by the generators: <c>e0</c>, <c>e1</c>, …</summary>
internal static class GeneratorIds
{
    public static string[] Create(int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = "e" + i.ToString(CultureInfo.InvariantCulture);
        }

        return ids;
    }
}
