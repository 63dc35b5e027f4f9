import Link from "next/link";
import { ProfileForm } from "@/app/account/profile/_components/profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/session";

export const metadata = { title: "Your details" };

export default async function ProfilePage() {
  const user = await requireUser();
  const profile = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, phone: true, address: true, pickupLocation: true } });
  return (
    <div>
      <PageHeader
        back={{ href: "/account", label: "Back to my account" }}
        title="Your details"
        description="Your name, phone, address and where you collect reservations, as the library has them. To change your email, ask at the desk."
      />
      <ProfileForm values={profile} />
      <p className="mt-6 text-sm text-stone-700">
        Your card number and barcode are on your{" "}
        <Link href="/account" className="font-medium text-brand-700 underline">
          account overview
        </Link>
        .
      </p>
    </div>
  );
}
