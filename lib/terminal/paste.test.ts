import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toPastedLines } from './paste'

describe('toPastedLines', () => {
  it.each([
    ['one line per command', 'docker run -d --name a1 nginx\ndocker run -d --name a2 nginx', [{ line: 'docker run -d --name a1 nginx' }, { line: 'docker run -d --name a2 nginx' }]],
    [
      'a continued command, then another',
      'docker network create -d macvlan \\\n  --subnet 192.168.1.0/24 --gateway 192.168.1.1 \\\n  -o parent=eth0 lan\ndocker run -d --name printer --network lan nginx',
      [{ line: 'docker network create -d macvlan --subnet 192.168.1.0/24 --gateway 192.168.1.1 -o parent=eth0 lan' }, { line: 'docker run -d --name printer --network lan nginx' }],
    ],
    ['spaces after the backslash still continue', 'docker run -d \\   \n  --name web nginx', [{ line: 'docker run -d --name web nginx' }]],
    ['an escaped backslash does not continue', 'echo a\\\\\nls', [{ line: 'echo a\\\\' }, { line: 'ls' }]],
    ['a dangling backslash on the last line is dropped', 'docker ps \\', [{ line: 'docker ps' }]],
    ['CRLF line ends', 'docker ps\r\ndocker network create \\\r\n  net1\r\n', [{ line: 'docker ps' }, { line: 'docker network create net1' }]],
    ['old Mac CR line ends', 'docker ps\rdocker network ls', [{ line: 'docker ps' }, { line: 'docker network ls' }]],
    ['empty and blank lines are dropped', '\n\ndocker ps\n   \n\t\ndocker network ls\n\n', [{ line: 'docker ps' }, { line: 'docker network ls' }]],
    ['whole-line comments are dropped', '# make the network\n  # indented comment\ndocker network create net1', [{ line: 'docker network create net1' }]],
    ['a backslash ending a comment does not continue it', '# one \\\ndocker ps', [{ line: 'docker ps' }]],
    ['a # inside a command stays', 'curl http://web/#top # jump', [{ line: 'curl http://web/#top # jump' }]],
    ['a named prompt gives the machine', 'host2$ docker ps', [{ on: 'host2', line: 'docker ps' }]],
    ['a bare $ prompt gives none', '$ docker ps', [{ line: 'docker ps' }]],
    ['prompt names may have dots, dashes and underscores', 'web-1.lan$ docker ps\nhost_b$ docker ps', [{ on: 'web-1.lan', line: 'docker ps' }, { on: 'host_b', line: 'docker ps' }]],
    ['# is a comment, not a root prompt', '# docker ps\nhost1$ docker network ls', [{ on: 'host1', line: 'docker network ls' }]],
    ['$VAR is not a prompt', '$HOME/bin/tool', [{ line: '$HOME/bin/tool' }]],
    ['a prompted continuation joins before the prompt is read', 'host2$ docker network create -d macvlan \\\n  -o parent=eth0 lan', [{ on: 'host2', line: 'docker network create -d macvlan -o parent=eth0 lan' }]],
    [
      'a console block runs only its prompted lines',
      'laptop$ curl http://10.77.0.10:8080\n<!DOCTYPE html>\n<h1>Welcome to nginx!</h1>\nhost1$ docker ps\nCONTAINER ID   IMAGE',
      [{ on: 'laptop', line: 'curl http://10.77.0.10:8080' }, { on: 'host1', line: 'docker ps' }],
    ],
    ['a prompt with only a comment runs nothing', 'host1$ # on host1 now\nhost1$ docker ps', [{ on: 'host1', line: 'docker ps' }]],
    ['a bare prompt counts as a console block', '$ docker ps\nCONTAINER ID   IMAGE', [{ line: 'docker ps' }]],
    ['only comments → nothing', '# one\n# two\n', []],
    ['empty text → nothing', '', []],
  ])('%s', (_name, text, expected) => {
    expect(toPastedLines(text)).toEqual(expected)
  })

  it('never returns an empty line or one with a newline, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\\', '\n', '\r', '#', '$', 'h', '1') }), (text) => {
        for (const l of toPastedLines(text)) {
          expect(l.line.trim()).not.toBe('')
          expect(l.line).not.toMatch(/[\r\n]/)
          expect(l.line.startsWith('#')).toBe(false)
        }
      }),
    )
  })

  it('joins a single command split at every space back into that command', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9=./-]{1,8}$/), { minLength: 1, maxLength: 6 }), (words) => {
        const pasted = words.join(' \\\n    ')
        expect(toPastedLines(pasted)).toEqual([{ line: words.join(' ') }])
      }),
    )
  })
})
