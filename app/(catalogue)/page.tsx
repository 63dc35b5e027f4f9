export default function HomePage() {
  return <h1>Catalogue</h1>;
}
