using System.Text;
using AiContagion.Cli;
using AiContagion.Cli.Infrastructure;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

// Standard output through one buffered writer (Console.Out flushes every write): a large --json --detail document
// streams out in 64 KB blocks instead of one system call per token.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
var context = new CliContext(output, Console.Error, isTerminal: !Console.IsOutputRedirected, cancellation.Token, errorIsTerminal: !Console.IsErrorRedirected);
try
{
    return CliApp.Run(args, context);
}
finally
{
    output.Flush();
}
