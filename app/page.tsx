export default function Home() {
  return <main><h1 className="text-2xl font-bold">Packet Path</h1></main>
}
