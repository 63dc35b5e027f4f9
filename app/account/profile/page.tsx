import Link from "next/link";
import { EmailChangeForm } from "@/app/account/profile/_components/email-change-form";
import { ProfileForm } from "@/app/account/profile/_components/profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/session";

export const metadata = { title: "Your details" };

export default async function ProfilePage() {
  const user = await requireUser();
  const profile = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, phone: true, address: true, email: true, pickupLocation: true } });
  return (
    <div>
      <PageHeader
        back={{ href: "/account", label: "Back to my account" }}
        title="Your details"
        description="Your name, phone, address, email and where you collect reservations, as the library has them."
      />
      <ProfileForm values={profile} />
      <EmailChangeForm email={profile.email} />
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
