import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';

export default async function Home() {
  if (await currentUser()) redirect('/dashboard');
  return (
    <main className="page">
      <section className="hero">
        <h1>Design your API. Get a FastAPI project that runs.</h1>
        <p>
          Model entities, relations and endpoints on a canvas. Fastdraft generates SQLAlchemy models, Pydantic
          schemas, routers, auth, migrations and tests, checks them, and lets you call the API live.
        </p>
        <div className="row" style={{ justifyContent: 'center' }}>
          <Link href="/signup" className="button primary">
            Create an account
          </Link>
          <Link href="/signin" className="button">
            Sign in
          </Link>
        </div>
      </section>
    </main>
  );
}
