using AiContagion.Fuzz;
using SharpFuzz;

// Under afl-fuzz:     afl-fuzz ... -- dotnet AiContagion.Fuzz.dll <target>        (see fuzz.sh)
// Replay findings:    dotnet AiContagion.Fuzz.dll <target> --replay <file-or-folder>
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: AiContagion.Fuzz <{string.Join('|', FuzzTargets.All.Keys)}> [--replay PATH]");
    return 2;
}

if (args is [_, "--replay", var path])
{
    var files = Directory.Exists(path) ? Directory.GetFiles(path) : [path];
    var failures = 0;
    foreach (var file in files.Order(StringComparer.Ordinal))
    {
        try
        {
            target(File.ReadAllBytes(file));
        }
        catch (Exception e)
        {
            failures++;
            Console.Error.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
        }
    }

    Console.WriteLine($"{files.Length} inputs, {failures} failures");
    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;
