using AiContagion.Model;

namespace AiContagion.Provenance;

/// <summary>
/// The loops money circulates in: strongly connected groups of entities, found by walking from each entity to its
/// payers over links with a positive amount (iterative Tarjan, so deep chains do not overflow the stack). Upstream
/// groups come first, which is the order the forward trace solves them in.
/// </summary>
/// <remarks>
/// R. E. Tarjan (1972), "Depth-first search and linear graph algorithms", SIAM Journal on Computing 1(2):146–160,
/// doi:10.1137/0201010. O(n + m). Stateless.
/// </remarks>
internal static class PayerLoops
{
    /// <summary>The groups, upstream first; each group's members in index order.</summary>
    /// <param name="index">The network's index.</param>
    /// <param name="needed">The entities to group; links from other entities are ignored.</param>
    /// <returns>The groups (a single entity on no loop is a group of one).</returns>
    public static List<int[]> Find(NetworkIndex index, bool[] needed)
    {
        var n = index.EntityCount;
        var components = new List<int[]>();
        var order = new int[n];
        var low = new int[n];
        Array.Fill(order, -1);
        var onStack = new bool[n];
        var stack = new Stack<int>();
        var frameNode = new int[n];
        var frameCursor = new int[n];
        var counter = 0;
        for (var root = 0; root < n; root++)
        {
            if (!needed[root] || order[root] >= 0)
            {
                continue;
            }

            var top = 0;
            frameNode[0] = root;
            frameCursor[0] = index.InStart[root];
            order[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (top >= 0)
            {
                var w = frameNode[top];
                if (frameCursor[top] < index.InStart[w + 1])
                {
                    var l = index.InLinks[frameCursor[top]++];
                    var u = index.LinkFrom[l];
                    if (index.Amount[l] <= 0 || !needed[u])
                    {
                        continue;
                    }

                    if (order[u] < 0)
                    {
                        order[u] = low[u] = counter++;
                        stack.Push(u);
                        onStack[u] = true;
                        top++;
                        frameNode[top] = u;
                        frameCursor[top] = index.InStart[u];
                    }
                    else if (onStack[u])
                    {
                        low[w] = Math.Min(low[w], order[u]);
                    }

                    continue;
                }

                top--;
                if (top >= 0)
                {
                    var parent = frameNode[top];
                    low[parent] = Math.Min(low[parent], low[w]);
                }

                if (low[w] == order[w])
                {
                    var members = new List<int>();
                    int x;
                    do
                    {
                        x = stack.Pop();
                        onStack[x] = false;
                        members.Add(x);
                    }
                    while (x != w);
                    members.Sort();
                    components.Add([.. members]);
                }
            }
        }

        return components;
    }
}
